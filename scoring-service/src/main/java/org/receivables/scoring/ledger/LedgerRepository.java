package org.receivables.scoring.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.replica.InvoiceReplica;
import org.receivables.kit.replica.ReplicaInvoice;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;

/**
 * Scoring's copy of the ledger, written only from events and read to compute payment behaviour: the
 * invoices in the kit's {@link InvoiceReplica} (shared with dunning and kpi), and what only scoring
 * needs in its own tables: dated settlements, cancellation dates, disputes and collection events.
 *
 * <p>Every invoice event goes through the replica first: an event about an invoice never seen
 * issued throws the kit's {@code UnknownInvoiceException} (the record is dead-lettered, nothing of
 * it kept). Events about an unknown customer create a minimal customer row, because all of a
 * customer's facts are useful once it is known.
 *
 * <p>Each write says whether it changed an input of the score ({@link InputChange}): a redelivered
 * fact under a new event id, or a due date moved to the date it had, asks for no rescore.
 */
@ApplicationScoped
public class LedgerRepository {

  /** Kinds of {@code sc_collection_event} rows. */
  public static final String PROMISE_BROKEN = "PROMISE_BROKEN";

  public static final String PLAN_BROKEN = "PLAN_BROKEN";
  public static final String ESCALATED = "ESCALATED";
  public static final String HOLD_REQUESTED = "HOLD_REQUESTED";

  @Inject EntityManager em;
  @Inject InvoiceReplica replica;
  @Inject PendingIssues issues;

  /**
   * Keeps the issue for the batch's one write ({@link PendingIssues}), which tells whether the
   * invoice is new (not when it was issued before under another event id).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void issue(InvoiceIssued e, String eventId) {
    issues.add(e, eventId);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean pay(PaymentReceived e) {
    issues.write(e.tenantId());
    replica.apply(e);
    return settle(
        e,
        e.invoiceId(),
        new Reduction(Settlement.Kind.PAYMENT, e.paymentId(), e.amount(), e.receivedOn()));
  }

  /**
   * @return false when no unreversed payment of that reference was known (nothing to reverse)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean reverse(PaymentReversed e) {
    issues.write(e.tenantId());
    replica.apply(e);
    int reversed =
        em.createNativeQuery(
                "update sc_settlement set reversed_on = :on where id = (select id from"
                    + " sc_settlement where tenant_id = :t and invoice_id = :i and kind ="
                    + " 'PAYMENT' and ref = :ref and reversed_on is null order by id limit 1)")
            .setParameter("on", e.reversedOn())
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .setParameter("ref", e.paymentId())
            .executeUpdate();
    return InputChange.written(reversed);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean credit(CreditNoteIssued e) {
    issues.write(e.tenantId());
    replica.apply(e);
    return settle(
        e,
        e.invoiceId(),
        new Reduction(Settlement.Kind.CREDIT_NOTE, e.creditNoteId(), e.amount(), e.issuedOn()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean writeOff(InvoiceWrittenOff e) {
    issues.write(e.tenantId());
    replica.apply(e);
    return settle(
        e,
        e.invoiceId(),
        new Reduction(Settlement.Kind.WRITE_OFF, null, e.amount(), e.writtenOffOn()));
  }

  /**
   * @return false when the invoice was already cancelled
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean cancel(InvoiceCancelled e) {
    issues.write(e.tenantId());
    replica.apply(e);
    return InputChange.written(
        em.createNativeQuery(
                "insert into sc_invoice_cancellation (tenant_id, invoice_id, cancelled_on) values"
                    + " (:t, :i, :on) on conflict do nothing")
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .setParameter("on", e.cancelledOn())
            .executeUpdate());
  }

  /**
   * @return false when the due date did not move
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean moveDueDate(InvoiceDueDateChanged e) {
    issues.write(e.tenantId());
    LocalDate before = replica.get(e.tenantId(), e.invoiceId()).dueDate();
    return InputChange.moved(before, replica.apply(e).dueDate());
  }

  /**
   * @return false when the dispute was already known
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean openDispute(DisputeOpened e) {
    issues.write(e.tenantId());
    replica.apply(e);
    return InputChange.written(
        em.createNativeQuery(
                "insert into sc_dispute (tenant_id, customer_id, invoice_id, dispute_id, amount,"
                    + " opened_on) values (:t, :c, :i, :d, :amount, :on) on conflict do nothing")
            .setParameter("t", e.tenantId())
            .setParameter("c", e.customerId())
            .setParameter("i", e.invoiceId())
            .setParameter("d", e.disputeId())
            .setParameter("amount", e.amount())
            .setParameter("on", e.openedOn())
            .executeUpdate());
  }

  /**
   * @return false when the dispute was unknown or already resolved
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean resolveDispute(DisputeResolved e) {
    issues.write(e.tenantId());
    replica.apply(e);
    return InputChange.written(
        em.createNativeQuery(
                "update sc_dispute set resolved_on = :on, outcome = :outcome where tenant_id = :t"
                    + " and dispute_id = :d and resolved_on is null")
            .setParameter("on", e.resolvedOn())
            .setParameter("outcome", e.outcome())
            .setParameter("t", e.tenantId())
            .setParameter("d", e.disputeId())
            .executeUpdate());
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

  /** The currency of the customer's first invoice. */
  public Optional<String> invoiceCurrency(String tenant, String customer) {
    return replica.ofCustomer(tenant, customer).stream().findFirst().map(ReplicaInvoice::currency);
  }

  /** The customer's invoices, oldest first, each with its settlements and cancellation. */
  public List<InvoiceHistory> invoices(String tenant, String customer) {
    List<ReplicaInvoice> invoices = replica.ofCustomer(tenant, customer);
    if (invoices.isEmpty()) {
      return List.of();
    }
    Map<String, List<Settlement>> settlements = settlements(tenant, customer);
    Map<String, LocalDate> cancelled = cancellations(tenant, customer);
    return invoices.stream()
        .map(
            i ->
                new InvoiceHistory(
                    i.invoiceId(),
                    i.currency(),
                    i.issueDate(),
                    i.dueDate(),
                    i.totalInclTax(),
                    cancelled.get(i.invoiceId()),
                    settlements.getOrDefault(i.invoiceId(), List.of())))
        .toList();
  }

  private Map<String, List<Settlement>> settlements(String tenant, String customer) {
    record SettlementRow(
        String invoiceId,
        Settlement.Kind kind,
        BigDecimal amount,
        LocalDate occurredOn,
        LocalDate reversedOn) {}
    Map<String, List<Settlement>> byInvoice = new LinkedHashMap<>();
    NamedRows.list(
            em.createNativeQuery(
                    "select invoice_id, kind, amount, occurred_on, reversed_on from sc_settlement"
                        + " where tenant_id = :t and customer_id = :c order by id",
                    Tuple.class)
                .setParameter("t", tenant)
                .setParameter("c", customer),
            SettlementRow.class)
        .forEach(
            s ->
                byInvoice
                    .computeIfAbsent(s.invoiceId(), k -> new ArrayList<>())
                    .add(new Settlement(s.kind(), s.amount(), s.occurredOn(), s.reversedOn())));
    return byInvoice;
  }

  private Map<String, LocalDate> cancellations(String tenant, String customer) {
    record Cancellation(String invoiceId, LocalDate cancelledOn) {}
    Map<String, LocalDate> byInvoice = new HashMap<>();
    NamedRows.list(
            em.createNativeQuery(
                    "select x.invoice_id, x.cancelled_on from sc_invoice_cancellation x join"
                        + " invoice_replica i on i.tenant_id = x.tenant_id and i.invoice_id ="
                        + " x.invoice_id where i.tenant_id = :t and i.customer_id = :c",
                    Tuple.class)
                .setParameter("t", tenant)
                .setParameter("c", customer),
            Cancellation.class)
        .forEach(x -> byInvoice.put(x.invoiceId(), x.cancelledOn()));
    return byInvoice;
  }

  public CollectionFacts facts(String tenant, String customer) {
    List<CollectionFacts.Dispute> disputes =
        NamedRows.list(
            em.createNativeQuery(
                    "select opened_on, resolved_on, amount from sc_dispute where tenant_id = :t"
                        + " and customer_id = :c",
                    Tuple.class)
                .setParameter("t", tenant)
                .setParameter("c", customer),
            CollectionFacts.Dispute.class);
    record Event(String kind, LocalDate occurredOn) {}
    List<LocalDate> promises = new ArrayList<>();
    List<LocalDate> plans = new ArrayList<>();
    List<LocalDate> escalations = new ArrayList<>();
    NamedRows.list(
            em.createNativeQuery(
                    "select kind, occurred_on from sc_collection_event where tenant_id = :t and"
                        + " customer_id = :c",
                    Tuple.class)
                .setParameter("t", tenant)
                .setParameter("c", customer),
            Event.class)
        .forEach(
            e -> {
              switch (e.kind()) {
                case PROMISE_BROKEN -> promises.add(e.occurredOn());
                case PLAN_BROKEN -> plans.add(e.occurredOn());
                case ESCALATED -> escalations.add(e.occurredOn());
                default -> {
                  // hold requests are acted on, not scored
                }
              }
            });
    return new CollectionFacts(disputes, promises, plans, escalations);
  }

  /** A dated reduction of what an invoice owes. */
  private record Reduction(Settlement.Kind kind, String ref, BigDecimal amount, LocalDate on) {}

  /** Records a reduction of a known invoice: always a new fact for the score. */
  private boolean settle(DomainEvent e, String invoice, Reduction r) {
    return InputChange.written(
        em.createNativeQuery(
                "insert into sc_settlement (tenant_id, customer_id, invoice_id, kind, ref, amount,"
                    + " occurred_on) values (:t, :c, :i, :kind, :ref, :amount, :on)")
            .setParameter("t", e.tenantId())
            .setParameter("c", e.customerId())
            .setParameter("i", invoice)
            .setParameter("kind", r.kind().name())
            .setParameter("ref", r.ref())
            .setParameter("amount", r.amount())
            .setParameter("on", r.on())
            .executeUpdate());
  }
}
