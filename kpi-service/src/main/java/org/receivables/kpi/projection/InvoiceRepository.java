package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.replica.UnknownInvoiceException;

/** The projected invoices with their payments and disputes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvoiceRepository {

  /** A stored ledger entry of an invoice. */
  private record Entry(UUID invoiceId, LocalDate date, BigDecimal amount) {}

  /** A stored invoice as a batch starts from it. */
  private record Stored(
      UUID invoiceId,
      UUID customerId,
      String currency,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal total,
      BigDecimal balance,
      BigDecimal atDue,
      LocalDate lastEntry) {}

  @Inject EntityManager em;
  @Inject AggregateWriter aggregates;

  /**
   * The invoice of this tenant as the batch has it now, or an {@link UnknownInvoiceException}:
   * never a placeholder. The first invoice a batch reads brings every invoice its events will read
   * ({@link PendingInvoices#expect}) in one query; an invoice this batch issued needs no read.
   */
  public InvoiceRef get(String tenantId, String invoiceId) {
    UUID id = UUID.fromString(invoiceId);
    PendingAggregates pending = aggregates.pending();
    PendingInvoices invoices = pending.invoices;
    PendingInvoices.State state = invoices.state(id);
    if (state == null) {
      if (invoices.isFull()) {
        aggregates.writeMovements();
        invoices.forgetAll();
      }
      List<UUID> ids = invoices.toRead(id);
      if (!ids.isEmpty()) {
        invoices.read(ids, read(tenantId, ids));
      }
      state = invoices.state(id);
      if (state == null) {
        state = invoices.fromIssue(id, pending.issued.get(id));
      }
    }
    if (state == null) {
      throw new UnknownInvoiceException(tenantId, invoiceId);
    }
    return state.ref();
  }

  /**
   * {@link #get}, with every ledger entry of the invoice held too (a due date move sums them): read
   * in one query together with those of every invoice the batch will move the same way ({@link
   * PendingInvoices#expectEntries}).
   */
  public InvoiceRef getWithEntries(String tenantId, String invoiceId) {
    InvoiceRef invoice = get(tenantId, invoiceId);
    PendingInvoices invoices = aggregates.pending().invoices;
    List<UUID> ids = invoices.entriesToRead(invoice.invoiceId());
    if (!ids.isEmpty()) {
      Map<UUID, List<PendingInvoices.Dated>> stored = new HashMap<>();
      NamedRows.list(
              em.createNativeQuery(
                      "select invoice_id, entry_date as date, amount from kpi_ledger_entry where"
                          + " tenant_id = :tenant and invoice_id = any(cast(:ids as uuid[])) order"
                          + " by id",
                      Tuple.class)
                  .setParameter("tenant", tenantId)
                  .setParameter("ids", uuidArray(ids)),
              Entry.class)
          .forEach(
              e ->
                  stored
                      .computeIfAbsent(e.invoiceId(), k -> new ArrayList<>())
                      .add(new PendingInvoices.Dated(e.date(), e.amount())));
      invoices.entriesRead(ids, stored);
    }
    return invoice;
  }

  private static String uuidArray(List<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
  }

  private List<PendingInvoices.State> read(String tenantId, List<UUID> ids) {
    return NamedRows.list(
            em.createNativeQuery(
                    "select i.invoice_id, i.customer_id, i.currency, i.issue_date, i.due_date,"
                        + " i.total_incl_tax as total, i.balance, i.balance_at_due as at_due,"
                        + " (select max(e.entry_date) from kpi_ledger_entry e where e.invoice_id ="
                        + " i.invoice_id) as last_entry from kpi_invoice i where i.tenant_id ="
                        + " :tenant and i.invoice_id = any(cast(:ids as uuid[]))",
                    Tuple.class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", uuidArray(ids)),
            Stored.class)
        .stream()
        .map(
            r ->
                new PendingInvoices.State(
                    new InvoiceRef(
                        r.invoiceId(),
                        tenantId,
                        r.customerId(),
                        r.currency().trim(),
                        r.issueDate(),
                        r.dueDate(),
                        r.total(),
                        r.balance()),
                    r.balance(),
                    r.atDue(),
                    r.lastEntry()))
        .toList();
  }

  /** The currency of the first of these invoices that the tenant has, if any. */
  public Optional<String> currencyOfAny(String tenantId, List<String> invoiceIds) {
    aggregates.writeIssued();
    for (String id : invoiceIds) {
      Optional<String> found =
          NamedRows.column(
                  em.createNativeQuery(
                          "select currency from kpi_invoice where invoice_id = :id and tenant_id"
                              + " = :tenant")
                      .setParameter("id", UUID.fromString(id))
                      .setParameter("tenant", tenantId),
                  String.class)
              .stream()
              .map(String::trim)
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Keeps a payment of the invoice, written with the batch's movements. */
  public void insertPayment(InvoiceRef invoice, String paymentId, LocalDate on, BigDecimal amount) {
    aggregates.pending().invoices.payment(invoice, paymentId, on, amount);
  }

  /** The day a payment of the invoice was received, if it was projected (by this batch too). */
  public Optional<LocalDate> paymentDate(InvoiceRef invoice, String paymentId) {
    Optional<LocalDate> stored =
        NamedRows.column(
                em.createNativeQuery(
                        "select received_on from kpi_payment where invoice_id = :id and"
                            + " payment_id = :payment")
                    .setParameter("id", invoice.invoiceId())
                    .setParameter("payment", paymentId),
                LocalDate.class)
            .stream()
            .findFirst();
    return stored.or(
        () ->
            Optional.ofNullable(
                aggregates.pending().invoices.paymentDate(invoice.invoiceId(), paymentId)));
  }

  /**
   * Opens a dispute on the invoice.
   *
   * @return false when that dispute was already open
   */
  public boolean openDispute(
      InvoiceRef invoice, String disputeId, BigDecimal amount, LocalDate on) {
    aggregates.writeIssued();
    int inserted =
        em.createNativeQuery(
                "insert into kpi_dispute (tenant_id, dispute_id, invoice_id, amount, opened_on)"
                    + " values (:tenant, :dispute, :invoice, :amount, :on) on conflict do nothing")
            .setParameter("tenant", invoice.tenantId())
            .setParameter("dispute", disputeId)
            .setParameter("invoice", invoice.invoiceId())
            .setParameter("amount", amount)
            .setParameter("on", on)
            .executeUpdate();
    if (inserted == 1) {
      em.createNativeQuery("update kpi_invoice set disputed = true where invoice_id = :id")
          .setParameter("id", invoice.invoiceId())
          .executeUpdate();
    }
    return inserted == 1;
  }

  /** Resolves a dispute; the invoice stays disputed while another of its disputes is open. */
  public void resolveDispute(InvoiceRef invoice, String disputeId, String outcome, LocalDate on) {
    aggregates.writeIssued();
    em.createNativeQuery(
            "update kpi_dispute set outcome = :outcome, resolved_on = :on where tenant_id ="
                + " :tenant and dispute_id = :dispute")
        .setParameter("outcome", outcome)
        .setParameter("on", on)
        .setParameter("tenant", invoice.tenantId())
        .setParameter("dispute", disputeId)
        .executeUpdate();
    em.createNativeQuery(
            "update kpi_invoice set disputed = exists (select 1 from kpi_dispute d where"
                + " d.invoice_id = :id and d.resolved_on is null) where invoice_id = :id")
        .setParameter("id", invoice.invoiceId())
        .executeUpdate();
  }
}
