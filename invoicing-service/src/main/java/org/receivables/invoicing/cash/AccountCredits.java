package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.customer.CustomerService;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.payment.PaymentRequest;
import org.receivables.invoicing.payment.PaymentService;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;

/**
 * Money on a customer's account that pays no invoice yet: the excess of a transfer (CASH) or a
 * credit not tied to an invoice (CREDIT). Applying it later is a payment like any other, through
 * {@link PaymentService}, dated the day the money came in.
 */
@ApplicationScoped
public class AccountCredits {

  /** One credit and what is left of it. */
  public record Credit(
      UUID id,
      UUID customerId,
      String kind,
      String currency,
      BigDecimal amount,
      BigDecimal remaining,
      LocalDate receivedOn,
      String source) {}

  /** What a customer owes and holds, in its currency. */
  public record Balance(
      String currency,
      BigDecimal openInvoices,
      BigDecimal unappliedCash,
      BigDecimal unappliedCredits) {
    public BigDecimal balance() {
      return openInvoices.subtract(unappliedCash).subtract(unappliedCredits);
    }
  }

  @Inject EntityManager em;
  @Inject PaymentService payments;
  @Inject CustomerService customers;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public UUID add(
      String tenantId,
      UUID customerId,
      String kind,
      String currency,
      BigDecimal amount,
      LocalDate receivedOn,
      String source) {
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into customer_account_credit (id, tenant_id, customer_id, kind, currency, amount,"
                + " remaining, received_on, source, version, created_at) values (:id, :t, :c, :k,"
                + " :cur, :a, :a, :on, :s, 0, :at)")
        .setParameter("id", id)
        .setParameter("t", tenantId)
        .setParameter("c", customerId)
        .setParameter("k", kind)
        .setParameter("cur", currency)
        .setParameter("a", amount)
        .setParameter("on", receivedOn)
        .setParameter("s", source)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    return id;
  }

  /** Removes an untouched credit (its entry was unmatched); 409 once any of it was applied. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdraw(String tenantId, UUID creditId) {
    int n =
        em.createNativeQuery(
                "delete from customer_account_credit where tenant_id = :t and id = :id and remaining"
                    + " = amount")
            .setParameter("t", tenantId)
            .setParameter("id", creditId)
            .executeUpdate();
    if (n == 0) {
      throw ProblemException.conflict(
          "The cash this entry left on account ("
              + creditId
              + ") was applied to invoices since;"
              + " reverse those payments first");
    }
  }

  public List<Credit> list(String tenantId, UUID customerId) {
    customers.get(tenantId, customerId);
    return NamedRows.list(
            em.createNativeQuery(
                    "select "
                        + CreditRow.COLUMNS
                        + " from customer_account_credit where tenant_id = :t and customer_id = :c"
                        + " order by received_on, id",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("c", customerId),
            CreditRow.class)
        .stream()
        .map(CreditRow::credit)
        .toList();
  }

  @Transactional
  public PaymentService.Result apply(
      String tenantId, UUID customerId, UUID creditId, UUID invoiceId, BigDecimal amount) {
    customers.get(tenantId, customerId);
    Credit credit =
        NamedRows.first(
                em.createNativeQuery(
                        "select "
                            + CreditRow.COLUMNS
                            + " from customer_account_credit where tenant_id = :t and id = :id and"
                            + " customer_id = :c for update",
                        Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("id", creditId)
                    .setParameter("c", customerId),
                CreditRow.class)
            .map(CreditRow::credit)
            .orElseThrow(() -> ProblemException.notFound("Account credit", creditId));
    Map<UUID, Invoice> locked = payments.lockInvoices(tenantId, List.of(invoiceId));
    Invoice invoice = locked.get(invoiceId);
    if (invoice == null || !invoice.customerId.equals(customerId)) {
      throw ProblemException.invalid("invoiceId", "no invoice " + invoiceId + " of this customer");
    }
    if (!invoice.currency.equals(credit.currency())) {
      throw ProblemException.invalid(
          "invoiceId", "is in " + invoice.currency + ", the credit in " + credit.currency());
    }
    if (amount.compareTo(credit.remaining()) > 0) {
      throw Problems.unprocessable(
          "amount", "exceeds what is left of the credit, " + credit.remaining().toPlainString());
    }
    PaymentService.Result result =
        payments.payInvoice(
            tenantId,
            invoiceId,
            new PaymentRequest(amount, credit.receivedOn(), "account credit " + creditId));
    em.createNativeQuery(
            "update customer_account_credit set remaining = remaining - :a, version = version + 1"
                + " where id = :id")
        .setParameter("a", amount)
        .setParameter("id", creditId)
        .executeUpdate();
    return result;
  }

  public Balance balance(String tenantId, UUID customerId) {
    Customer customer = customers.get(tenantId, customerId);
    String cur = customer.currency.trim();
    BigDecimal open =
        NamedRows.value(
            em.createNativeQuery(
                    "select coalesce(sum(total_incl_tax - amount_paid - discount_granted -"
                        + " amount_credited), 0) from invoice where tenant_id = :t and customer_id ="
                        + " :c and currency = :cur and status in ('OPEN', 'PARTIALLY_PAID')")
                .setParameter("t", tenantId)
                .setParameter("c", customerId)
                .setParameter("cur", cur),
            BigDecimal.class);
    return new Balance(
        cur,
        Money.round(open, cur),
        Money.round(held(tenantId, customerId, "CASH", cur), cur),
        Money.round(held(tenantId, customerId, "CREDIT", cur), cur));
  }

  private BigDecimal held(String tenantId, UUID customerId, String kind, String cur) {
    return NamedRows.value(
        em.createNativeQuery(
                "select coalesce(sum(remaining), 0) from customer_account_credit where tenant_id ="
                    + " :t and customer_id = :c and kind = :k and currency = :cur")
            .setParameter("t", tenantId)
            .setParameter("c", customerId)
            .setParameter("k", kind)
            .setParameter("cur", cur),
        BigDecimal.class);
  }

  /** A stored credit as read (columns mapped by name); amounts rounded to its currency. */
  record CreditRow(
      UUID id,
      UUID customerId,
      String kind,
      String currency,
      BigDecimal amount,
      BigDecimal remaining,
      LocalDate receivedOn,
      String source) {

    static final String COLUMNS =
        "id, customer_id, kind, currency, amount, remaining, received_on, source";

    Credit credit() {
      String cur = currency.trim();
      return new Credit(
          id,
          customerId,
          kind,
          cur,
          Money.round(amount, cur),
          Money.round(remaining, cur),
          receivedOn,
          source);
    }
  }
}
