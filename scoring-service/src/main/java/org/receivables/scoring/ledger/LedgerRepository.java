package org.receivables.scoring.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;
import org.receivables.scoring.store.SqlQuery;

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
public class LedgerRepository {

  /** Kinds of {@code sc_collection_event} rows. */
  public static final String PROMISE_BROKEN = "PROMISE_BROKEN";

  public static final String PLAN_BROKEN = "PLAN_BROKEN";
  public static final String ESCALATED = "ESCALATED";
  public static final String HOLD_REQUESTED = "HOLD_REQUESTED";

  @Inject EntityManager em;
  @Inject CustomerRepository customers;

  @Transactional(Transactional.TxType.MANDATORY)
  public void issue(InvoiceIssued e) {
    customers.ensureCustomer(e.tenantId(), e.customerId(), e.currency());
    SqlQuery.write(
            em,
            "insert into sc_invoice (tenant_id, invoice_id, customer_id, number, currency,"
                + " issue_date, due_date, total, outstanding, status) values (:t, :i, :c, :n, :cur,"
                + " :issue, :due, :total, :out, 'OPEN') on conflict do nothing")
        .bind("t", e.tenantId())
        .bind("i", e.invoiceId())
        .bind("c", e.customerId())
        .bind("n", e.number())
        .bind("cur", e.currency())
        .bind("issue", e.issueDate())
        .bind("due", e.dueDate())
        .bind("total", e.totalInclTax())
        .bind("out", e.outstanding() == null ? e.totalInclTax() : e.outstanding())
        .execute();
  }

  /**
   * @return false when the invoice is unknown (the payment is skipped)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean pay(PaymentReceived e) {
    return settleKnown(
        e,
        e.invoiceId(),
        new Reduction(Settlement.Kind.PAYMENT, e.paymentId(), e.amount(), e.receivedOn()),
        e.outstanding(),
        e.status());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean reverse(PaymentReversed e) {
    if (!invoiceKnown(e.tenantId(), e.invoiceId())) {
      return false;
    }
    SqlQuery.write(
            em,
            "update sc_settlement set reversed_on = :on where id = (select id from sc_settlement"
                + " where tenant_id = :t and invoice_id = :i and kind = 'PAYMENT' and ref = :ref"
                + " and reversed_on is null order by id limit 1)")
        .bind("on", e.reversedOn())
        .bind("t", e.tenantId())
        .bind("i", e.invoiceId())
        .bind("ref", e.paymentId())
        .execute();
    setBalance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
    return true;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean credit(CreditNoteIssued e) {
    return settleKnown(
        e,
        e.invoiceId(),
        new Reduction(Settlement.Kind.CREDIT_NOTE, e.creditNoteId(), e.amount(), e.issuedOn()),
        e.outstanding(),
        e.status());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean writeOff(InvoiceWrittenOff e) {
    return settleKnown(
        e,
        e.invoiceId(),
        new Reduction(Settlement.Kind.WRITE_OFF, null, e.amount(), e.writtenOffOn()),
        e.outstanding(),
        "WRITTEN_OFF");
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean cancel(InvoiceCancelled e) {
    return SqlQuery.write(
                em,
                "update sc_invoice set cancelled_on = :on, status = 'CANCELLED', outstanding = 0"
                    + " where tenant_id = :t and invoice_id = :i")
            .bind("on", e.cancelledOn())
            .bind("t", e.tenantId())
            .bind("i", e.invoiceId())
            .execute()
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean moveDueDate(InvoiceDueDateChanged e) {
    return SqlQuery.write(
                em,
                "update sc_invoice set due_date = :due where tenant_id = :t and invoice_id = :i")
            .bind("due", e.dueDate())
            .bind("t", e.tenantId())
            .bind("i", e.invoiceId())
            .execute()
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void openDispute(DisputeOpened e) {
    SqlQuery.write(
            em,
            "insert into sc_dispute (tenant_id, customer_id, invoice_id, dispute_id, amount,"
                + " opened_on) values (:t, :c, :i, :d, :amount, :on) on conflict do nothing")
        .bind("t", e.tenantId())
        .bind("c", e.customerId())
        .bind("i", e.invoiceId())
        .bind("d", e.disputeId())
        .bind("amount", e.amount())
        .bind("on", e.openedOn())
        .execute();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean resolveDispute(DisputeResolved e) {
    return SqlQuery.write(
                em,
                "update sc_dispute set resolved_on = :on, outcome = :outcome where tenant_id = :t"
                    + " and dispute_id = :d")
            .bind("on", e.resolvedOn())
            .bind("outcome", e.outcome())
            .bind("t", e.tenantId())
            .bind("d", e.disputeId())
            .execute()
        == 1;
  }

  /** Records a broken promise or plan, an escalation or a hold request from dunning. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void collectionEvent(
      String tenant, String customer, String kind, String ref, LocalDate on) {
    SqlQuery.write(
            em,
            "insert into sc_collection_event (tenant_id, customer_id, kind, ref, occurred_on)"
                + " values (:t, :c, :kind, :ref, :on)")
        .bind("t", tenant)
        .bind("c", customer)
        .bind("kind", kind)
        .bind("ref", ref)
        .bind("on", on)
        .execute();
  }

  /** The customer's currency: as registered, else that of its first invoice. */
  public Optional<String> invoiceCurrency(String tenant, String customer) {
    return SqlQuery.select(
            em,
            "select currency from sc_invoice where tenant_id = :t and customer_id = :c order by"
                + " issue_date, id limit 1")
        .bind("t", tenant)
        .bind("c", customer)
        .first(r -> r.text("currency"));
  }

  public List<InvoiceHistory> invoices(String tenant, String customer) {
    record SettlementRow(String invoiceId, Settlement settlement) {}
    Map<String, List<Settlement>> byInvoice = new LinkedHashMap<>();
    SqlQuery.select(
            em,
            "select invoice_id, kind, amount, occurred_on, reversed_on from sc_settlement"
                + " where tenant_id = :t and customer_id = :c order by id")
        .bind("t", tenant)
        .bind("c", customer)
        .list(
            r ->
                new SettlementRow(
                    r.text("invoice_id"),
                    new Settlement(
                        Settlement.Kind.valueOf(r.text("kind")),
                        r.decimal("amount"),
                        r.date("occurred_on"),
                        r.date("reversed_on"))))
        .forEach(
            s ->
                byInvoice
                    .computeIfAbsent(s.invoiceId(), k -> new ArrayList<>())
                    .add(s.settlement()));
    return SqlQuery.select(
            em,
            "select invoice_id, currency, issue_date, due_date, total, cancelled_on from"
                + " sc_invoice where tenant_id = :t and customer_id = :c order by id")
        .bind("t", tenant)
        .bind("c", customer)
        .list(
            r ->
                new InvoiceHistory(
                    r.text("invoice_id"),
                    r.text("currency"),
                    r.date("issue_date"),
                    r.date("due_date"),
                    r.decimal("total"),
                    r.date("cancelled_on"),
                    byInvoice.getOrDefault(r.text("invoice_id"), List.of())));
  }

  public CollectionFacts facts(String tenant, String customer) {
    List<CollectionFacts.Dispute> disputes =
        SqlQuery.select(
                em,
                "select opened_on, resolved_on, amount from sc_dispute where tenant_id = :t and"
                    + " customer_id = :c")
            .bind("t", tenant)
            .bind("c", customer)
            .list(
                r ->
                    new CollectionFacts.Dispute(
                        r.date("opened_on"), r.date("resolved_on"), r.decimal("amount")));
    record Event(String kind, LocalDate on) {}
    List<LocalDate> promises = new ArrayList<>();
    List<LocalDate> plans = new ArrayList<>();
    List<LocalDate> escalations = new ArrayList<>();
    SqlQuery.select(
            em,
            "select kind, occurred_on from sc_collection_event where tenant_id = :t and"
                + " customer_id = :c")
        .bind("t", tenant)
        .bind("c", customer)
        .list(r -> new Event(r.text("kind"), r.date("occurred_on")))
        .forEach(
            e -> {
              switch (e.kind()) {
                case PROMISE_BROKEN -> promises.add(e.on());
                case PLAN_BROKEN -> plans.add(e.on());
                case ESCALATED -> escalations.add(e.on());
                default -> {
                  // hold requests are acted on, not scored
                }
              }
            });
    return new CollectionFacts(disputes, promises, plans, escalations);
  }

  private boolean invoiceKnown(String tenant, String invoice) {
    return SqlQuery.select(
            em, "select 1 as known from sc_invoice where tenant_id = :t and invoice_id = :i")
        .bind("t", tenant)
        .bind("i", invoice)
        .exists();
  }

  /** A dated reduction of what an invoice owes. */
  private record Reduction(Settlement.Kind kind, String ref, BigDecimal amount, LocalDate on) {}

  /** Records a reduction of a known invoice and its new balance; false when it is unknown. */
  private boolean settleKnown(
      DomainEvent e, String invoice, Reduction r, BigDecimal outstanding, String status) {
    if (!invoiceKnown(e.tenantId(), invoice)) {
      return false;
    }
    SqlQuery.write(
            em,
            "insert into sc_settlement (tenant_id, customer_id, invoice_id, kind, ref, amount,"
                + " occurred_on) values (:t, :c, :i, :kind, :ref, :amount, :on)")
        .bind("t", e.tenantId())
        .bind("c", e.customerId())
        .bind("i", invoice)
        .bind("kind", r.kind().name())
        .bind("ref", r.ref())
        .bind("amount", r.amount())
        .bind("on", r.on())
        .execute();
    setBalance(e.tenantId(), invoice, outstanding, status);
    return true;
  }

  private void setBalance(String tenant, String invoice, BigDecimal outstanding, String status) {
    if (outstanding != null) {
      SqlQuery.write(
              em,
              "update sc_invoice set outstanding = :out where tenant_id = :t and invoice_id = :i")
          .bind("out", outstanding)
          .bind("t", tenant)
          .bind("i", invoice)
          .execute();
    }
    if (status != null) {
      SqlQuery.write(
              em, "update sc_invoice set status = :status where tenant_id = :t and invoice_id = :i")
          .bind("status", status)
          .bind("t", tenant)
          .bind("i", invoice)
          .execute();
    }
  }
}
