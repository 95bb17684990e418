package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kpi.projection.PendingAggregates.CustomerDayKey;
import org.receivables.kpi.projection.PendingAggregates.DayKey;
import org.receivables.kpi.projection.PendingAggregates.DueKey;
import org.receivables.kpi.projection.PendingAggregates.SnapshotKey;

/**
 * Keeps the aggregates of a batch's movements ({@link PendingAggregates}, one per transaction) and
 * writes them when the batch ends ({@link #flush}): first the batch's issued invoices ({@link
 * IssuedInvoiceWriter}) and movements ({@link MovementWriter}), then one batched upsert per
 * aggregate table, each adding the batch's sums to its rows (the segments' rows too, {@link
 * SegmentAggregates}), and one delete per stale tenant and currency. Whoever ends a batch flushes,
 * in its transaction: the live consumers after their last event, the rebuild after its replay.
 */
@ApplicationScoped
public class AggregateWriter {

  /** The summed columns of a daily flow row. */
  public static final List<String> FLOW_COLUMNS =
      List.of(
          "invoiced",
          "invoices_issued",
          "credited",
          "cancelled",
          "discounted",
          "collected",
          "written_off",
          "disputed",
          "collected_due_days",
          "collected_issue_days");

  private static final String DUE_TOTAL =
      upsert(
          "kpi_due_total",
          List.of("tenant_id", "currency", "due_date"),
          List.of("balance", "open_count", "owed_at_due"));
  private static final String OUTSTANDING_CHANGE =
      upsert("kpi_outstanding_change", List.of("tenant_id", "currency", "day"), List.of("amount"));
  private static final String CUSTOMER_FLOW =
      upsert(
          "kpi_daily_flow", List.of("tenant_id", "currency", "day", "customer_id"), FLOW_COLUMNS);
  private static final String TENANT_FLOW =
      upsert("kpi_tenant_daily_flow", List.of("tenant_id", "currency", "day"), FLOW_COLUMNS);

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transaction;
  @Inject IssuedInvoiceWriter issuedInvoices;
  @Inject MovementWriter movements;
  @Inject SegmentAggregates segments;
  @Inject CustomerRepository customers;

  /** The current transaction's pending changes. */
  @Transactional(Transactional.TxType.MANDATORY)
  PendingAggregates pending() {
    if (transaction.getResource(PendingAggregates.class) instanceof PendingAggregates p) {
      return p;
    }
    PendingAggregates p = new PendingAggregates();
    transaction.putResource(PendingAggregates.class, p);
    return p;
  }

  /**
   * Writes the invoices issued so far in this transaction: whoever reads an invoice while applying
   * an event calls it first, so that a payment finds the invoice its batch issued before it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeIssued() {
    PendingAggregates p = pending();
    if (!p.issued.isEmpty()) {
      issuedInvoices.write(p);
      p.invoices.issuesWritten();
    }
  }

  /**
   * Writes the invoices issued and the movements made so far in this transaction: whoever reads or
   * writes an invoice's rows directly (a due date move) calls it first.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeMovements() {
    writeIssued();
    movements.write(pending().invoices);
  }

  /** Writes the transaction's pending changes; nothing when there are none. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void flush() {
    PendingAggregates p = pending();
    if (p.isEmpty()) {
      return;
    }
    writeMovements();
    List<Object[]> rows = new ArrayList<>();
    p.dueTotals.forEach(
        (DueKey k, DueTotalChange c) ->
            rows.add(
                new Object[] {
                  k.tenantId(), k.currency(), k.dueDate(), c.balance(), c.openCount(), c.owedAtDue()
                }));
    JdbcBatch.insert(em, DUE_TOTAL, rows);
    rows.clear();
    p.outstandingChanges.forEach(
        (DayKey k, java.math.BigDecimal amount) ->
            rows.add(new Object[] {k.tenantId(), k.currency(), k.day(), amount}));
    JdbcBatch.insert(em, OUTSTANDING_CHANGE, rows);
    rows.clear();
    p.customerFlows.forEach(
        (CustomerDayKey k, FlowDelta f) ->
            rows.add(
                flowRow(new Object[] {k.tenantId(), k.currency(), k.day(), k.customerId()}, f)));
    JdbcBatch.insert(em, CUSTOMER_FLOW, rows);
    rows.clear();
    p.tenantFlows.forEach(
        (DayKey k, FlowDelta f) ->
            rows.add(flowRow(new Object[] {k.tenantId(), k.currency(), k.day()}, f)));
    JdbcBatch.insert(em, TENANT_FLOW, rows);
    segments.write(p);
    // after the figures, which count in the segments the customers had until now
    segments.writeCustomers(p.customerFacts);
    customers.writeScoresAndHolds(p);
    p.staleFrom.forEach(this::deleteSnapshots);
    p.clear();
  }

  /** Snapshots of {@code from} and later no longer hold: they are computed again when read. */
  private void deleteSnapshots(SnapshotKey key, java.time.LocalDate from) {
    String currency = key.currency() == null ? "" : " and currency = :currency";
    var delete =
        em.createNativeQuery(
                "delete from kpi_daily_snapshot where tenant_id = :tenant and day >= :from"
                    + currency)
            .setParameter("tenant", key.tenantId())
            .setParameter("from", from);
    if (key.currency() != null) {
      delete.setParameter("currency", key.currency());
    }
    delete.executeUpdate();
  }

  static Object[] flowRow(Object[] key, FlowDelta f) {
    Object[] row = new Object[key.length + FLOW_COLUMNS.size()];
    System.arraycopy(key, 0, row, 0, key.length);
    Object[] values = {
      f.invoiced(),
      f.invoicesIssued(),
      f.credited(),
      f.cancelled(),
      f.discounted(),
      f.collected(),
      f.writtenOff(),
      f.disputed(),
      f.collectedDueDays(),
      f.collectedIssueDays()
    };
    System.arraycopy(values, 0, row, key.length, values.length);
    return row;
  }

  /** An upsert adding each summed column to the row of its key. */
  static String upsert(String table, List<String> keys, List<String> sums) {
    List<String> columns = new ArrayList<>(keys);
    columns.addAll(sums);
    return "insert into "
        + table
        + " ("
        + String.join(", ", columns)
        + ") values ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")"
        + addOnConflict(table, keys, sums);
  }

  /** The {@code on conflict} clause adding each summed column to the row of its key. */
  static String addOnConflict(String table, List<String> keys, List<String> sums) {
    return " on conflict ("
        + String.join(", ", keys)
        + ") do update set "
        + sums.stream()
            .map(c -> c + " = " + table + "." + c + " + excluded." + c)
            .collect(Collectors.joining(", "));
  }
}
