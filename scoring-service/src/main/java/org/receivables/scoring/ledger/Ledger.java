package org.receivables.scoring.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;

/**
 * Scoring's replica of the ledger: customers, invoices with their dated settlements, disputes and
 * collection events, written only from events and read to compute payment behaviour.
 *
 * <p>Events about an invoice this replica never saw issued (its issue event was malformed or
 * belongs to data we never received) cannot be placed on a due date, so they are skipped: the
 * caller records them in the inbox and moves on. Events about an unknown customer create a minimal
 * customer row, because all of a customer's facts are useful once it is known.
 */
@ApplicationScoped
public class Ledger {

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A customer as scoring knows it. */
  public record Customer(
      String tenantId,
      String customerId,
      String name,
      String segment,
      String currency,
      boolean registered) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public void register(CustomerRegistered e) {
    upsertCustomer(e.tenantId(), e.customerId(), e.name(), e.segment(), e.currency());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void update(CustomerUpdated e) {
    upsertCustomer(e.tenantId(), e.customerId(), e.name(), e.segment(), e.currency());
  }

  /**
   * Forgets the customer's name (the only personal data scoring holds); its figures stay, since
   * they describe the account, not a person. A customer never seen is no error.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erasePersonalData(CustomerPersonalDataErased e) {
    em.createNativeQuery(
            "update sc_customer set name = null where tenant_id = :t and customer_id = :c")
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .executeUpdate();
  }

  private void upsertCustomer(
      String tenant, String customer, String name, String segment, String currency) {
    em.createNativeQuery(
            "insert into sc_customer (tenant_id, customer_id, name, segment, currency, registered,"
                + " created_at) values (:t, :c, :name, :segment, :currency, true, :now)"
                + " on conflict (tenant_id, customer_id) do update set name = excluded.name,"
                + " segment = excluded.segment, currency = excluded.currency, registered = true")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("name", name)
        .setParameter("segment", segment)
        .setParameter("currency", currency)
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
  }

  /** Creates the minimal row of a customer seen before its registration; no-op when known. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void ensureCustomer(String tenant, String customer, String currency) {
    em.createNativeQuery(
            "insert into sc_customer (tenant_id, customer_id, currency, registered, created_at)"
                + " values (:t, :c, :currency, false, :now) on conflict do nothing")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("currency", currency)
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void issue(InvoiceIssued e) {
    ensureCustomer(e.tenantId(), e.customerId(), e.currency());
    em.createNativeQuery(
            "insert into sc_invoice (tenant_id, invoice_id, customer_id, number, currency,"
                + " issue_date, due_date, total, outstanding, status) values (:t, :i, :c, :n, :cur,"
                + " :issue, :due, :total, :out, 'OPEN') on conflict do nothing")
        .setParameter("t", e.tenantId())
        .setParameter("i", e.invoiceId())
        .setParameter("c", e.customerId())
        .setParameter("n", e.number())
        .setParameter("cur", e.currency())
        .setParameter("issue", e.issueDate())
        .setParameter("due", e.dueDate())
        .setParameter("total", e.totalInclTax())
        .setParameter("out", e.outstanding() == null ? e.totalInclTax() : e.outstanding())
        .executeUpdate();
  }

  /**
   * @return false when the invoice is unknown (the payment is skipped)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean pay(PaymentReceived e) {
    if (!invoiceKnown(e.tenantId(), e.invoiceId())) {
      return false;
    }
    settle(
        e.tenantId(),
        e.customerId(),
        e.invoiceId(),
        "PAYMENT",
        e.paymentId(),
        e.amount(),
        e.receivedOn());
    setBalance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
    return true;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean reverse(PaymentReversed e) {
    if (!invoiceKnown(e.tenantId(), e.invoiceId())) {
      return false;
    }
    em.createNativeQuery(
            "update sc_settlement set reversed_on = :on where id = (select id from sc_settlement"
                + " where tenant_id = :t and invoice_id = :i and kind = 'PAYMENT' and ref = :ref"
                + " and reversed_on is null order by id limit 1)")
        .setParameter("on", e.reversedOn())
        .setParameter("t", e.tenantId())
        .setParameter("i", e.invoiceId())
        .setParameter("ref", e.paymentId())
        .executeUpdate();
    setBalance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
    return true;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean credit(CreditNoteIssued e) {
    if (!invoiceKnown(e.tenantId(), e.invoiceId())) {
      return false;
    }
    settle(
        e.tenantId(),
        e.customerId(),
        e.invoiceId(),
        "CREDIT_NOTE",
        e.creditNoteId(),
        e.amount(),
        e.issuedOn());
    setBalance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
    return true;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean writeOff(InvoiceWrittenOff e) {
    if (!invoiceKnown(e.tenantId(), e.invoiceId())) {
      return false;
    }
    settle(
        e.tenantId(),
        e.customerId(),
        e.invoiceId(),
        "WRITE_OFF",
        null,
        e.amount(),
        e.writtenOffOn());
    setBalance(e.tenantId(), e.invoiceId(), e.outstanding(), "WRITTEN_OFF");
    return true;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean cancel(InvoiceCancelled e) {
    return em.createNativeQuery(
                "update sc_invoice set cancelled_on = :on, status = 'CANCELLED', outstanding = 0"
                    + " where tenant_id = :t and invoice_id = :i")
            .setParameter("on", e.cancelledOn())
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .executeUpdate()
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean moveDueDate(InvoiceDueDateChanged e) {
    return em.createNativeQuery(
                "update sc_invoice set due_date = :due where tenant_id = :t and invoice_id = :i")
            .setParameter("due", e.dueDate())
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .executeUpdate()
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void openDispute(DisputeOpened e) {
    em.createNativeQuery(
            "insert into sc_dispute (tenant_id, customer_id, invoice_id, dispute_id, amount,"
                + " opened_on) values (:t, :c, :i, :d, :amount, :on) on conflict do nothing")
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .setParameter("i", e.invoiceId())
        .setParameter("d", e.disputeId())
        .setParameter("amount", e.amount())
        .setParameter("on", e.openedOn())
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean resolveDispute(DisputeResolved e) {
    return em.createNativeQuery(
                "update sc_dispute set resolved_on = :on, outcome = :outcome where tenant_id = :t"
                    + " and dispute_id = :d")
            .setParameter("on", e.resolvedOn())
            .setParameter("outcome", e.outcome())
            .setParameter("t", e.tenantId())
            .setParameter("d", e.disputeId())
            .executeUpdate()
        == 1;
  }

  /** Records a broken promise or plan, an escalation or a hold request from dunning. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void collectionEvent(
      String tenant, String customer, String kind, String ref, LocalDate on) {
    em.createNativeQuery(
            "insert into sc_collection_event (tenant_id, customer_id, kind, ref, occurred_on)"
                + " values (:t, :c, :kind, :ref, :on)")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("kind", kind)
        .setParameter("ref", ref)
        .setParameter("on", on)
        .executeUpdate();
  }

  public Optional<Customer> customer(String tenant, String customer) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select name, segment, currency, registered from sc_customer where tenant_id = :t"
                    + " and customer_id = :c")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Customer(
                    tenant,
                    customer,
                    Rows.text(r[0]),
                    Rows.text(r[1]),
                    Rows.text(r[2]),
                    Boolean.TRUE.equals(r[3])));
  }

  /** Locks the customer's row so that concurrent recomputations of one customer run in turn. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Customer> lock(String tenant, String customer) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select id from sc_customer where tenant_id = :t and customer_id = :c for update")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : customer(tenant, customer);
  }

  /** The customer's currency: as registered, else that of its first invoice. */
  public Optional<String> invoiceCurrency(String tenant, String customer) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select currency from sc_invoice where tenant_id = :t and customer_id = :c order by"
                    + " issue_date, id limit 1")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    return rows.stream().findFirst().map(Rows::text);
  }

  public List<InvoiceHistory> invoices(String tenant, String customer) {
    @SuppressWarnings("unchecked")
    List<Object[]> settlements =
        em.createNativeQuery(
                "select invoice_id, kind, amount, occurred_on, reversed_on from sc_settlement"
                    + " where tenant_id = :t and customer_id = :c order by id")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    Map<String, List<Settlement>> byInvoice = new LinkedHashMap<>();
    for (Object[] s : settlements) {
      byInvoice
          .computeIfAbsent(Rows.text(s[0]), k -> new ArrayList<>())
          .add(
              new Settlement(
                  Settlement.Kind.valueOf(Rows.text(s[1])),
                  Rows.decimal(s[2]),
                  Rows.date(s[3]),
                  Rows.date(s[4])));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select invoice_id, currency, issue_date, due_date, total, cancelled_on from"
                    + " sc_invoice where tenant_id = :t and customer_id = :c order by id")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    List<InvoiceHistory> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      String id = Rows.text(r[0]);
      out.add(
          new InvoiceHistory(
              id,
              Rows.text(r[1]),
              Rows.date(r[2]),
              Rows.date(r[3]),
              Rows.decimal(r[4]),
              Rows.date(r[5]),
              byInvoice.getOrDefault(id, List.of())));
    }
    return out;
  }

  public CollectionFacts facts(String tenant, String customer) {
    @SuppressWarnings("unchecked")
    List<Object[]> disputes =
        em.createNativeQuery(
                "select opened_on, resolved_on, amount from sc_dispute where tenant_id = :t and"
                    + " customer_id = :c")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> events =
        em.createNativeQuery(
                "select kind, occurred_on from sc_collection_event where tenant_id = :t and"
                    + " customer_id = :c")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .getResultList();
    List<LocalDate> promises = new ArrayList<>();
    List<LocalDate> plans = new ArrayList<>();
    List<LocalDate> escalations = new ArrayList<>();
    for (Object[] e : events) {
      LocalDate on = Rows.date(e[1]);
      switch (Rows.text(e[0])) {
        case "PROMISE_BROKEN" -> promises.add(on);
        case "PLAN_BROKEN" -> plans.add(on);
        case "ESCALATED" -> escalations.add(on);
        default -> {
          // hold requests are acted on, not scored
        }
      }
    }
    return new CollectionFacts(
        disputes.stream()
            .map(
                d ->
                    new CollectionFacts.Dispute(
                        Rows.date(d[0]), Rows.date(d[1]), Rows.decimal(d[2])))
            .toList(),
        promises,
        plans,
        escalations);
  }

  /** A tenant's customers after {@code customer}, in pages, for the nightly run. */
  public List<String> customersAfter(String tenant, String customer, int limit) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select customer_id from sc_customer where tenant_id = :t and customer_id > :c"
                    + " order by customer_id limit :n")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream().map(Rows::text).toList();
  }

  /** Customers of a tenant in one segment (sector), to rescore when the sector's risk changes. */
  public List<String> customersInSegment(String tenant, String segment) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select customer_id from sc_customer where tenant_id = :t and segment = :s")
            .setParameter("t", tenant)
            .setParameter("s", segment)
            .getResultList();
    return rows.stream().map(Rows::text).toList();
  }

  private boolean invoiceKnown(String tenant, String invoice) {
    return !em.createNativeQuery(
            "select 1 from sc_invoice where tenant_id = :t and invoice_id = :i")
        .setParameter("t", tenant)
        .setParameter("i", invoice)
        .getResultList()
        .isEmpty();
  }

  private void settle(
      String tenant,
      String customer,
      String invoice,
      String kind,
      String ref,
      BigDecimal amount,
      LocalDate on) {
    em.createNativeQuery(
            "insert into sc_settlement (tenant_id, customer_id, invoice_id, kind, ref, amount,"
                + " occurred_on) values (:t, :c, :i, :kind, :ref, :amount, :on)")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("i", invoice)
        .setParameter("kind", kind)
        .setParameter("ref", ref)
        .setParameter("amount", amount)
        .setParameter("on", on)
        .executeUpdate();
  }

  private void setBalance(String tenant, String invoice, BigDecimal outstanding, String status) {
    if (outstanding != null) {
      em.createNativeQuery(
              "update sc_invoice set outstanding = :out where tenant_id = :t and invoice_id = :i")
          .setParameter("out", outstanding)
          .setParameter("t", tenant)
          .setParameter("i", invoice)
          .executeUpdate();
    }
    if (status != null) {
      em.createNativeQuery(
              "update sc_invoice set status = :status where tenant_id = :t and invoice_id = :i")
          .setParameter("status", status)
          .setParameter("t", tenant)
          .setParameter("i", invoice)
          .executeUpdate();
    }
  }
}
