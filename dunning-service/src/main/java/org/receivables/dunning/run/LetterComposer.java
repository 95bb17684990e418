package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.receivables.dunning.channel.Formats;
import org.receivables.dunning.channel.MessageModel;
import org.receivables.dunning.channel.MessageRenderer;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.TenantProfile;
import org.receivables.dunning.interest.InterestService;
import org.receivables.dunning.interest.RateTable;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.StepAction;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.Movement;
import org.receivables.kit.money.Money;

/**
 * Composes what one communication says: the figures (interest and the recovery indemnity on a
 * formal notice, unless a plan waives them) and the texts, formatted once for the customer's
 * language so every channel states the same amounts. The wording itself lives in the Qute templates
 * ({@link MessageRenderer}); nothing here depends on the language.
 */
@ApplicationScoped
public class LetterComposer {

  @Inject InterestService interest;
  @Inject MessageRenderer renderer;
  @Inject DunningConfig config;

  /** Interest and indemnity claimed on one invoice. */
  public record Fees(BigDecimal interest, BigDecimal indemnity) {}

  /** The figures and rendered texts of one communication, shared by its channels. */
  public record Letter(
      MessageModel model,
      BigDecimal interest,
      BigDecimal indemnity,
      Map<String, Fees> perInvoice) {}

  /** What a run knows once, for every letter it composes. */
  public record Context(
      TenantProfile profile,
      LocalDate asOf,
      RateTable rates,
      Set<String> waived,
      Map<String, List<Movement>> movements) {}

  public Letter compose(Grouping.Group g, CustomerFacts customer, Context ctx) {
    String lang = customer.lang();
    String cur = g.currency();
    LocalDate asOf = ctx.asOf();
    boolean notice = g.step().has(StepAction.FORMAL_NOTICE);
    BigDecimal totalInterest = Money.zero(cur);
    BigDecimal totalIndemnity = Money.zero(cur);
    Map<String, Fees> perInvoice = new HashMap<>();
    List<MessageModel.Row> rows = new ArrayList<>();
    for (InvoiceFacts i : g.invoices()) {
      Fees fees =
          notice && !ctx.waived().contains(i.invoiceId())
              ? fees(g.policy(), i, ctx)
              : new Fees(Money.zero(cur), Money.zero(cur));
      totalInterest = totalInterest.add(fees.interest());
      totalIndemnity = totalIndemnity.add(fees.indemnity());
      perInvoice.put(i.invoiceId(), fees);
      rows.add(row(i, fees, notice, lang, cur, asOf));
    }
    BigDecimal principal = Money.round(g.total(), cur);
    TenantProfile profile = ctx.profile();
    MessageModel model =
        new MessageModel(
            lang,
            g.step().template(),
            notice,
            customer.name() == null ? g.customerId() : customer.name(),
            g.customerId(),
            profile.creditorName(),
            profile.address(),
            profile.iban(),
            profile.bic(),
            profile.contactEmail(),
            profile.contactPhone(),
            Formats.date(asOf, lang),
            Formats.date(asOf.plusDays(config.formalNoticePayWithinDays()), lang),
            cur,
            rows,
            Formats.amount(principal, cur, lang),
            Formats.amount(totalInterest, cur, lang),
            Formats.amount(totalIndemnity, cur, lang),
            Formats.amount(principal.add(totalInterest).add(totalIndemnity), cur, lang),
            renderer.interestBasis(
                g.policy().interestBasis().name(), g.policy().contractualRate(), lang),
            PaymentReference.of(g.invoices()));
    return new Letter(model, totalInterest, totalIndemnity, perInvoice);
  }

  /** Interest and indemnity on the invoices of an agency hand-over (no letter is written). */
  public Fees handoverFees(Grouping.Group g, Context ctx) {
    BigDecimal in = Money.zero(g.currency());
    BigDecimal ind = Money.zero(g.currency());
    for (InvoiceFacts i : g.invoices()) {
      if (!ctx.waived().contains(i.invoiceId())) {
        Fees f = fees(g.policy(), i, ctx);
        in = in.add(f.interest());
        ind = ind.add(f.indemnity());
      }
    }
    return new Fees(in, ind);
  }

  private Fees fees(DunningPolicy policy, InvoiceFacts i, Context ctx) {
    InterestService.Claim claim =
        interest.claim(
            i,
            ctx.movements().getOrDefault(i.invoiceId(), List.of()),
            policy.interestBasis(),
            policy.contractualRate(),
            ctx.asOf(),
            ctx.rates());
    return new Fees(claim.interest(), claim.indemnity());
  }

  private static MessageModel.Row row(
      InvoiceFacts i, Fees fees, boolean notice, String lang, String cur, LocalDate asOf) {
    long days = Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), asOf));
    String out = Formats.amount(Money.round(i.outstanding(), cur), cur, lang);
    String fixed =
        Formats.pad(i.number(), 14, false)
            + " "
            + Formats.pad(Formats.date(i.issueDate(), lang), 10, false)
            + " "
            + Formats.pad(Formats.date(i.dueDate(), lang), 10, false)
            + " "
            + Formats.pad(String.valueOf(days), 5, true)
            + " "
            + Formats.pad(out, 16, true)
            + " "
            + Formats.pad(notice ? Formats.amount(fees.interest(), cur, lang) : "", 12, true);
    return new MessageModel.Row(
        i.number(),
        Formats.date(i.issueDate(), lang),
        Formats.date(i.dueDate(), lang),
        days,
        out,
        Formats.amount(fees.interest(), cur, lang),
        Formats.amount(fees.indemnity(), cur, lang),
        fixed);
  }
}
