package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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
      "select i.id, i.customer_id, c.name, i.number, i.payment_reference, i.currency, "
          + OUTSTANDING
          + ", i.due_date, i.discount_percent, i.discount_deadline,"
          + " i.total_incl_tax - i.amount_credited from invoice i join customer c on c.id ="
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
            em.createNativeQuery(SELECT + " and i.payment_reference in (:refs)")
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
                        + " limit :n")
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
                        + " limit :n")
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
                        + " between :lo and :hi order by i.due_date, i.id limit :n")
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
        List<?> rows =
            em.createNativeQuery(
                    "select iban, customer_id from payer_account where tenant_id = :t and iban in"
                        + " (:ibans)")
                .setParameter("t", tenantId)
                .setParameter("ibans", List.copyOf(ibans))
                .getResultList();
        for (Object row : rows) {
          Object[] r = (Object[]) row;
          out.computeIfAbsent((String) r[0], k -> new LinkedHashSet<>()).add((UUID) r[1]);
        }
        return out;
      }
    };
  }

  private static List<OpenInvoice> read(Query q, String tenantId, LocalDate on) {
    List<?> rows = q.setParameter("t", tenantId).getResultList();
    List<OpenInvoice> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      String cur = ((String) r[5]).trim();
      BigDecimal outstanding = (BigDecimal) r[6];
      BigDecimal discount = BigDecimal.ZERO;
      if (r[8] != null) {
        EarlyPaymentDiscount offer = new EarlyPaymentDiscount((BigDecimal) r[8], date(r[9]));
        if (offer.appliesOn(on)) {
          discount = offer.amount((BigDecimal) r[10], cur).min(outstanding);
        }
      }
      out.add(
          new OpenInvoice(
              (UUID) r[0],
              (UUID) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              cur,
              Money.round(outstanding, cur),
              date(r[7]),
              Money.round(discount, cur)));
    }
    return out;
  }

  static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
  }
}
