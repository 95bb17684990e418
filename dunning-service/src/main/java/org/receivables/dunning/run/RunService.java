package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.receivables.dunning.channel.Formats;
import org.receivables.dunning.channel.LetterPdf;
import org.receivables.dunning.channel.MessageModel;
import org.receivables.dunning.channel.MessageRenderer;
import org.receivables.dunning.channel.SmsGateway;
import org.receivables.dunning.collect.ExpectedValue;
import org.receivables.dunning.commitment.CommitmentService;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.common.TenantProfile;
import org.receivables.dunning.common.TenantProfiles;
import org.receivables.dunning.interest.InterestService;
import org.receivables.dunning.interest.RateTable;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicySelector;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.policy.PolicyView;
import org.receivables.dunning.policy.StepAction;
import org.receivables.dunning.replica.Replica;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.DunningEscalated;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;

/**
 * A dunning run for one tenant and date, in two phases. First, under a per-tenant lock and in one
 * transaction, it decides what is due (skip rules, policy, step, grouping), claims each invoice and
 * step in {@code step_claim} (primary key: never twice, whatever runs or replicas race), renders
 * every message and records tasks, escalations and events. Then, outside that transaction, it sends
 * the messages, each retried and marked SENT only once the channel accepted it.
 */
@ApplicationScoped
public class RunService {

  private static final int LOCK_NAMESPACE = 7_000_007;

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject PolicyService policies;
  @Inject Replica replica;
  @Inject CommitmentService commitments;
  @Inject InterestService interest;
  @Inject TenantProfiles profiles;
  @Inject MessageRenderer renderer;
  @Inject SmsGateway sms;
  @Inject Outbox outbox;
  @Inject Timeline timeline;
  @Inject DunningConfig config;
  @Inject Dispatcher dispatcher;
  @Inject ReminderStore reminders;

  public RunView run(
      String tenantId, LocalDate asOf, boolean dryRun, String trigger, String actor) {
    policies.ensureDefaults(tenantId);
    if (!dryRun) {
      commitments.review(tenantId, asOf);
    }
    Planned planned =
        QuarkusTransaction.requiringNew()
            .timeout(600)
            .call(() -> plan(tenantId, asOf, dryRun, trigger, actor));
    if (dryRun) {
      return planned.view();
    }
    List<UUID> toSend = new ArrayList<>(planned.reminderIds());
    toSend.addAll(
        reminders.retryable(tenantId, config.send().maxTotalAttempts(), planned.reminderIds()));
    for (UUID id : toSend) {
      dispatcher.deliver(id);
    }
    return reminders.finish(planned.view().id(), planned.reminderIds());
  }

  /** The first phase's outcome: the run as recorded, and the reminders it must send. */
  record Planned(RunView view, List<UUID> reminderIds) {}

  Planned plan(String tenantId, LocalDate asOf, boolean dryRun, String trigger, String actor) {
    em.createNativeQuery("select pg_advisory_xact_lock(:ns, hashtext(:t))")
        .setParameter("ns", LOCK_NAMESPACE)
        .setParameter("t", tenantId)
        .getSingleResult();
    UUID runId = UUID.randomUUID();
    Instant started = Instant.now(clock);
    List<DunningPolicy> ladders =
        policies.current(tenantId).stream().map(PolicyView::toPolicy).toList();
    List<InvoiceFacts> open = replica.openInvoices(tenantId);
    CommitmentService.Paused paused = commitments.paused(tenantId, asOf);
    Map<String, Map<String, LocalDate>> done = claims(tenantId);
    Map<String, Optional<CustomerFacts>> customers = new HashMap<>();
    List<RunView.Skip> skipped = new ArrayList<>();
    List<Grouping.Candidate> candidates = new ArrayList<>();
    int considered = 0;
    for (InvoiceFacts invoice : open) {
      if (invoice.issueDate().isAfter(asOf)) {
        continue;
      }
      considered++;
      CustomerFacts customer =
          customers
              .computeIfAbsent(invoice.customerId(), c -> replica.customer(tenantId, c))
              .orElse(null);
      Optional<SkipReason> skip =
          SkipRules.check(invoice, customer, paused.promised(), paused.planned(), asOf);
      if (skip.isPresent()) {
        skipped.add(new RunView.Skip(invoice.invoiceId(), invoice.customerId(), skip.get().name()));
        continue;
      }
      Optional<DunningPolicy> policy =
          PolicySelector.select(
              ladders, customer.assignedPolicy(), customer.segment(), customer.riskClass());
      if (policy.isEmpty()) {
        continue;
      }
      StepSelector.select(
              policy.get(),
              invoice.dueDate(),
              asOf,
              done.getOrDefault(invoice.invoiceId(), Map.of()))
          .ifPresent(step -> candidates.add(new Grouping.Candidate(invoice, policy.get(), step)));
    }
    Grouping.Result grouped = Grouping.group(candidates);
    for (Grouping.Group g : grouped.underMinimum()) {
      g.invoices()
          .forEach(
              i ->
                  skipped.add(
                      new RunView.Skip(
                          i.invoiceId(), i.customerId(), SkipReason.UNDER_MINIMUM.name())));
    }
    RateTable rates = interest.table(tenantId);
    TenantProfile profile = profiles.get(tenantId);
    Set<String> waived = commitments.feesWaived(tenantId);
    List<RunView.Action> actions = new ArrayList<>();
    List<UUID> created = new ArrayList<>();
    int tasks = 0;
    int escalations = 0;
    if (!dryRun) {
      em.createNativeQuery(
              "insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, started_by)"
                  + " values (:id, :t, :asOf, false, :trigger, :at, :by)")
          .setParameter("id", runId)
          .setParameter("t", tenantId)
          .setParameter("asOf", asOf)
          .setParameter("trigger", trigger)
          .setParameter("at", started)
          .setParameter("by", actor)
          .executeUpdate();
    }
    for (Grouping.Group group : grouped.groups()) {
      CustomerFacts customer = customers.get(group.customerId()).orElseThrow();
      Grouping.Group g = dryRun ? group : claim(tenantId, runId, asOf, group);
      if (g == null) {
        continue;
      }
      PolicyStep step = g.step();
      List<String> notes = new ArrayList<>();
      List<Channel> channels = channelsFor(step, customer, notes);
      if (!dryRun) {
        Letter letter =
            step.sends() ? content(tenantId, g, customer, profile, asOf, rates, waived) : null;
        for (Channel channel : channels) {
          created.add(reminders.create(tenantId, runId, g, channel, customer, letter, asOf));
        }
        if (step.has(StepAction.CALL_TASK)) {
          tasks++;
          callTask(tenantId, runId, g, customer, asOf);
        }
        if (step.has(StepAction.FORMAL_NOTICE)) {
          escalations++;
          escalate(tenantId, g, "FORMAL_NOTICE", asOf, "Formal notice (mise en demeure)");
        }
        if (step.has(StepAction.CREDIT_HOLD)) {
          if (customer.creditHold()) {
            notes.add("customer already on credit hold");
            timeline.record(
                tenantId,
                g.customerId(),
                "CREDIT_HOLD",
                Timeline.SYSTEM,
                "Credit hold step reached; customer already on hold",
                null,
                asOf);
          } else {
            outbox.record(
                Topics.DUNNING,
                new CreditHoldRequested(
                    tenantId,
                    g.customerId(),
                    "Dunning step " + step.code() + " on " + numbers(g),
                    asOf));
            timeline.record(
                tenantId,
                g.customerId(),
                "CREDIT_HOLD_REQUESTED",
                Timeline.SYSTEM,
                "Credit hold requested (" + step.name() + ") for " + numbers(g),
                null,
                asOf);
          }
        }
        if (step.has(StepAction.AGENCY)) {
          escalations++;
          agency(tenantId, runId, g, asOf, rates, waived);
          escalate(tenantId, g, "AGENCY", asOf, "Handed over to the collection agency");
        }
        if (step.has(StepAction.LEGAL)) {
          escalations++;
          escalate(tenantId, g, "LEGAL", asOf, "Handed over for legal proceedings");
        }
      }
      actions.add(
          new RunView.Action(
              g.customerId(),
              step.code(),
              step.name(),
              channels.stream().map(Enum::name).toList(),
              step.actions().stream().map(Enum::name).toList(),
              g.invoiceIds(),
              Money.round(g.total(), g.currency()),
              g.currency(),
              g.policy().id(),
              g.policy().version(),
              notes.isEmpty() ? null : notes));
    }
    if (!dryRun) {
      em.createNativeQuery(
              "update dunning_run set invoices_considered = :n, call_tasks_created = :tasks, escalations = :esc,"
                  + " skipped = :skipped where id = :id")
          .setParameter("n", considered)
          .setParameter("tasks", tasks)
          .setParameter("esc", escalations)
          .setParameter("skipped", Json.write(skipped))
          .setParameter("id", runId)
          .executeUpdate();
      reminders.rememberActions(runId, actions);
    }
    RunView view =
        new RunView(
            dryRun ? null : runId,
            asOf,
            dryRun,
            trigger,
            started,
            dryRun ? Instant.now(clock) : null,
            considered,
            0,
            0,
            tasks,
            escalations,
            actions,
            skipped,
            dryRun ? null : List.of());
    return new Planned(view, created);
  }

  /** Claims the group's invoices for its step; returns the part this run won, or null. */
  private Grouping.Group claim(String tenantId, UUID runId, LocalDate asOf, Grouping.Group g) {
    List<InvoiceFacts> won = new ArrayList<>();
    for (InvoiceFacts i : g.invoices()) {
      int inserted =
          em.createNativeQuery(
                  "insert into step_claim (tenant_id, invoice_id, step_code, run_id, customer_id, as_of, claimed_at)"
                      + " values (:t, :i, :s, :run, :c, :asOf, :at) on conflict do nothing")
              .setParameter("t", tenantId)
              .setParameter("i", i.invoiceId())
              .setParameter("s", g.step().code())
              .setParameter("run", runId)
              .setParameter("c", i.customerId())
              .setParameter("asOf", asOf)
              .setParameter("at", Instant.now(clock))
              .executeUpdate();
      if (inserted == 1) {
        won.add(i);
      }
    }
    return won.isEmpty()
        ? null
        : new Grouping.Group(g.customerId(), g.policy(), g.step(), g.currency(), won);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, LocalDate>> claims(String tenantId) {
    Map<String, Map<String, LocalDate>> out = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "select invoice_id, step_code, as_of from step_claim where tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList()) {
      out.computeIfAbsent((String) r[0], k -> new HashMap<>())
          .put((String) r[1], Replica.date(r[2]));
    }
    return out;
  }

  /** The step's channels this customer can be reached on; e-mail falls back to a letter. */
  private List<Channel> channelsFor(PolicyStep step, CustomerFacts customer, List<String> notes) {
    List<Channel> out = new ArrayList<>();
    if (!step.sends()) {
      return out;
    }
    for (Channel c : step.channels()) {
      switch (c) {
        case EMAIL -> {
          if (customer.email() != null && !customer.email().isBlank()) {
            out.add(c);
          } else if (!step.channels().contains(Channel.LETTER)) {
            notes.add("no e-mail address: sent as a letter");
            out.add(Channel.LETTER);
          } else {
            notes.add("no e-mail address");
          }
        }
        case SMS -> {
          if (!sms.enabled()) {
            notes.add("SMS disabled");
          } else if (customer.phone() == null || customer.phone().isBlank()) {
            notes.add("no phone number for SMS");
          } else {
            out.add(c);
          }
        }
        case LETTER -> {
          if (!out.contains(Channel.LETTER)) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /** The figures and rendered texts of one communication, shared by its channels. */
  record Letter(
      MessageModel model,
      BigDecimal interest,
      BigDecimal indemnity,
      Map<String, BigDecimal[]> perInvoice) {}

  private Letter content(
      String tenantId,
      Grouping.Group g,
      CustomerFacts customer,
      TenantProfile profile,
      LocalDate asOf,
      RateTable rates,
      Set<String> waived) {
    String lang = customer.lang();
    String cur = g.currency();
    boolean notice = g.step().has(StepAction.FORMAL_NOTICE);
    BigDecimal totalInterest = Money.zero(cur);
    BigDecimal totalIndemnity = Money.zero(cur);
    Map<String, BigDecimal[]> perInvoice = new HashMap<>();
    List<MessageModel.Row> rows = new ArrayList<>();
    for (InvoiceFacts i : g.invoices()) {
      BigDecimal in = Money.zero(cur);
      BigDecimal ind = Money.zero(cur);
      if (notice && !waived.contains(i.invoiceId())) {
        InterestService.Claim claim =
            interest.claim(
                tenantId, i, g.policy().interestBasis(), g.policy().contractualRate(), asOf, rates);
        in = claim.interest();
        ind = claim.indemnity();
      }
      totalInterest = totalInterest.add(in);
      totalIndemnity = totalIndemnity.add(ind);
      perInvoice.put(i.invoiceId(), new BigDecimal[] {in, ind});
      long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(i.dueDate(), asOf));
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
              + Formats.pad(notice ? Formats.amount(in, cur, lang) : "", 12, true);
      rows.add(
          new MessageModel.Row(
              i.number(),
              Formats.date(i.issueDate(), lang),
              Formats.date(i.dueDate(), lang),
              days,
              out,
              Formats.amount(in, cur, lang),
              Formats.amount(ind, cur, lang),
              fixed));
    }
    BigDecimal principal = Money.round(g.total(), cur);
    String basis =
        switch (g.policy().interestBasis()) {
          case FR_LEGAL -> "fr".equals(lang) ? "taux BCE + 10 points" : "ECB rate + 10 points";
          case EU_DIRECTIVE -> "fr".equals(lang) ? "taux BCE + 8 points" : "ECB rate + 8 points";
          case CONTRACTUAL ->
              ("fr".equals(lang) ? "taux contractuel " : "contractual rate ")
                  + g.policy().contractualRate().stripTrailingZeros().toPlainString()
                  + " %";
        };
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
            basis,
            String.join(" ", g.invoices().stream().map(InvoiceFacts::number).toList()));
    return new Letter(model, totalInterest, totalIndemnity, perInvoice);
  }

  private void callTask(
      String tenantId, UUID runId, Grouping.Group g, CustomerFacts customer, LocalDate asOf) {
    BigDecimal probability =
        ExpectedValue.probabilityOfCollecting(
            customer.probabilityOfDefault(), customer.riskClass());
    BigDecimal amount = Money.round(g.total(), g.currency());
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into call_task (id, tenant_id, customer_id, run_id, step_code, invoice_ids, currency, amount,"
                + " probability, expected_value, due_on, status, created_at) values (:id, :t, :c, :run, :s, :ids, :cur,"
                + " :a, :p, :ev, :due, 'OPEN', :at)")
        .setParameter("id", id)
        .setParameter("t", tenantId)
        .setParameter("c", g.customerId())
        .setParameter("run", runId)
        .setParameter("s", g.step().code())
        .setParameter("ids", Json.write(g.invoiceIds()))
        .setParameter("cur", g.currency())
        .setParameter("a", amount)
        .setParameter("p", probability)
        .setParameter("ev", ExpectedValue.of(amount, probability))
        .setParameter("due", asOf)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    timeline.record(
        tenantId,
        g.customerId(),
        "CALL_TASK",
        Timeline.SYSTEM,
        "Call task created for "
            + numbers(g)
            + " ("
            + amount.toPlainString()
            + " "
            + g.currency()
            + ")",
        id.toString(),
        asOf);
  }

  private void agency(
      String tenantId,
      UUID runId,
      Grouping.Group g,
      LocalDate asOf,
      RateTable rates,
      Set<String> waived) {
    BigDecimal in = Money.zero(g.currency());
    BigDecimal ind = Money.zero(g.currency());
    for (InvoiceFacts i : g.invoices()) {
      if (!waived.contains(i.invoiceId())) {
        InterestService.Claim c =
            interest.claim(
                tenantId, i, g.policy().interestBasis(), g.policy().contractualRate(), asOf, rates);
        in = in.add(c.interest());
        ind = ind.add(c.indemnity());
      }
    }
    em.createNativeQuery(
            "insert into agency_handover (id, tenant_id, customer_id, run_id, step_code, invoice_ids, currency, principal,"
                + " interest, indemnity, handed_on, created_at) values (:id, :t, :c, :run, :s, :ids, :cur, :p, :i, :ind,"
                + " :on, :at)")
        .setParameter("id", UUID.randomUUID())
        .setParameter("t", tenantId)
        .setParameter("c", g.customerId())
        .setParameter("run", runId)
        .setParameter("s", g.step().code())
        .setParameter("ids", Json.write(g.invoiceIds()))
        .setParameter("cur", g.currency())
        .setParameter("p", Money.round(g.total(), g.currency()))
        .setParameter("i", in)
        .setParameter("ind", ind)
        .setParameter("on", asOf)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }

  private void escalate(
      String tenantId, Grouping.Group g, String action, LocalDate asOf, String what) {
    outbox.record(
        Topics.DUNNING,
        new DunningEscalated(
            tenantId, g.customerId(), g.invoiceIds(), g.step().code(), action, asOf));
    timeline.record(
        tenantId,
        g.customerId(),
        "ESCALATED_" + action,
        Timeline.SYSTEM,
        what + ": " + numbers(g),
        null,
        asOf);
  }

  static String numbers(Grouping.Group g) {
    return String.join(", ", g.invoices().stream().map(InvoiceFacts::number).toList());
  }

  /** Renders the letter PDF for a model; exposed for the reminder store. */
  public static byte[] pdf(MessageRenderer renderer, MessageModel model, String subject) {
    return LetterPdf.render(subject, renderer.letterText(model));
  }

  static Set<String> ids(List<InvoiceFacts> invoices) {
    Set<String> out = new HashSet<>();
    invoices.forEach(i -> out.add(i.invoiceId()));
    return out;
  }
}
