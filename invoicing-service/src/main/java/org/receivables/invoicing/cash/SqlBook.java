package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.receivables.invoicing.cash.match.Book;
import org.receivables.invoicing.cash.match.OpenInvoice;
import org.receivables.invoicing.payment.EarlyPaymentDiscount;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;

/**
 * The matcher's view of one tenant's ledger, read with indexed queries (V7's number-key and
 * outstanding indexes). The tenant is both a condition and, through row-level security, the only
 * rows the connection can see: another tenant's invoice numbers never match.
 */
@ApplicationScoped
public class SqlBook {

  private static final String OUTSTANDING =
      "(i.total_incl_tax - i.amount_paid - i.discount_granted - i.amount_credited)";
  private static final String SELECT =
      "select i.id, i.customer_id, c.name as customer_name, i.number, i.payment_reference,"
          + " i.currency, "
          + OUTSTANDING
          + " as outstanding, i.due_date, i.discount_percent, i.discount_deadline,"
          + " i.total_incl_tax - i.amount_credited as discount_base from invoice i join customer c"
          + " on c.id ="
          + " i.customer_id where i.tenant_id = :t and i.status in ('OPEN', 'PARTIALLY_PAID')"
          + " and "
          + OUTSTANDING
          + " > 0";

  @Inject EntityManager em;

  public Book of(String tenantId) {
    return new Book() {
      @Override
      public List<OpenInvoice> byReferences(Collection<String> refs, LocalDate on) {
        return read(
            em.createNativeQuery(SELECT + " and i.payment_reference in (:refs)", Tuple.class)
                .setParameter("refs", List.copyOf(refs)),
            tenantId,
            on);
      }

      @Override
      public List<OpenInvoice> byNumberKeys(
          Collection<String> alnum, Collection<String> digits, LocalDate on, int limit) {
        // Empty lists would be invalid SQL; a key no number has stands in.
        return read(
            em.createNativeQuery(
                    SELECT
                        + " and (upper(regexp_replace(i.number, '[^A-Za-z0-9]', '', 'g')) in"
                        + " (:alnum) or regexp_replace(i.number, '[^0-9]', '', 'g') in (:digits))"
                        + " limit :n",
                    Tuple.class)
                .setParameter("alnum", alnum.isEmpty() ? List.of("-") : List.copyOf(alnum))
                .setParameter("digits", digits.isEmpty() ? List.of("-") : List.copyOf(digits))
                .setParameter("n", limit),
            tenantId,
            on);
      }

      @Override
      public List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit) {
        return read(
            em.createNativeQuery(
                    SELECT
                        + " and i.customer_id = :c and i.currency = :cur order by i.due_date, i.id"
                        + " limit :n",
                    Tuple.class)
                .setParameter("c", customerId)
                .setParameter("cur", currency)
                .setParameter("n", limit),
            tenantId,
            on);
      }

      @Override
      public List<OpenInvoice> withOutstanding(
          BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit) {
        return read(
            em.createNativeQuery(
                    SELECT
                        + " and i.currency = :cur and "
                        + OUTSTANDING
                        + " between :lo and :hi order by i.due_date, i.id limit :n",
                    Tuple.class)
                .setParameter("cur", currency)
                .setParameter("lo", low)
                .setParameter("hi", high)
                .setParameter("n", limit),
            tenantId,
            on);
      }

      @Override
      public Set<UUID> customersPaidFrom(String iban) {
        List<?> rows =
            em.createNativeQuery(
                    "select customer_id from payer_account where tenant_id = :t and iban = :iban")
                .setParameter("t", tenantId)
                .setParameter("iban", iban)
                .getResultList();
        Set<UUID> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add((UUID) r));
        return out;
      }

      @Override
      public Map<String, Set<UUID>> customersPaidFrom(Collection<String> ibans) {
        Map<String, Set<UUID>> out = new HashMap<>();
        ibans.forEach(i -> out.put(i, new LinkedHashSet<>()));
        if (ibans.isEmpty()) {
          return out;
        }
        NamedRows.list(
                em.createNativeQuery(
                        "select iban, customer_id from payer_account where tenant_id = :t and"
                            + " iban in (:ibans)",
                        Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("ibans", List.copyOf(ibans)),
                PayerRow.class)
            .forEach(
                p -> out.computeIfAbsent(p.iban(), k -> new LinkedHashSet<>()).add(p.customerId()));
        return out;
      }
    };
  }

  /** A payer's account and a customer it paid. */
  record PayerRow(String iban, UUID customerId) {}

  /** An open invoice as {@link #SELECT} reads it (columns mapped by name). */
  record InvoiceRow(
      UUID id,
      UUID customerId,
      String customerName,
      String number,
      String paymentReference,
      String currency,
      BigDecimal outstanding,
      LocalDate dueDate,
      BigDecimal discountPercent,
      LocalDate discountDeadline,
      BigDecimal discountBase) {

    /** What the matcher sees, the early-payment discount earned on {@code on} deducted. */
    OpenInvoice open(LocalDate on) {
      String cur = currency.trim();
      BigDecimal discount = BigDecimal.ZERO;
      if (discountPercent != null) {
        EarlyPaymentDiscount offer = new EarlyPaymentDiscount(discountPercent, discountDeadline);
        if (offer.appliesOn(on)) {
          discount = offer.amount(discountBase, cur).min(outstanding);
        }
      }
      return new OpenInvoice(
          id,
          customerId,
          customerName,
          number,
          paymentReference,
          cur,
          Money.round(outstanding, cur),
          dueDate,
          Money.round(discount, cur));
    }
  }

  private static List<OpenInvoice> read(Query q, String tenantId, LocalDate on) {
    return NamedRows.list(q.setParameter("t", tenantId), InvoiceRow.class).stream()
        .map(r -> r.open(on))
        .toList();
  }
}
