package org.receivables.kpi.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the movements of one batch change in the aggregates that reads rely on, summed per row in
 * memory: a thousand invoices issued on one day for one due date are one upsert of each aggregate,
 * not a thousand. The batch's issued invoices wait here too, for one insert of all of them ({@link
 * IssuedInvoiceWriter}) before anything reads an invoice. Plain and single-threaded: one per
 * transaction ({@link AggregateWriter}).
 */
final class PendingAggregates {

  record DueKey(String tenantId, String currency, LocalDate dueDate) {}

  record DayKey(String tenantId, String currency, LocalDate day) {}

  record CustomerDayKey(String tenantId, String currency, LocalDate day, UUID customerId) {}

  /** An issued invoice waiting for the batch's insert, with its number and event. */
  record Issue(InvoiceRef invoice, String number, String eventId) {}

  /** A tenant's snapshots of one currency, or of every currency when {@code currency} is null. */
  record SnapshotKey(String tenantId, String currency) {}

  final Map<UUID, Issue> issued = new LinkedHashMap<>();
  final Map<DueKey, DueTotalChange> dueTotals = new LinkedHashMap<>();
  final Map<DayKey, BigDecimal> outstandingChanges = new LinkedHashMap<>();
  final Map<CustomerDayKey, FlowDelta> customerFlows = new LinkedHashMap<>();
  final Map<DayKey, FlowDelta> tenantFlows = new LinkedHashMap<>();
  final Map<SnapshotKey, LocalDate> staleFrom = new LinkedHashMap<>();

  /**
   * Keeps an issued invoice for the batch's insert.
   *
   * @return false when the batch already issued it (under another event id): the first is kept
   */
  boolean issue(InvoiceRef invoice, String number, String eventId) {
    return issued.putIfAbsent(invoice.invoiceId(), new Issue(invoice, number, eventId)) == null;
  }

  void dueTotal(String tenantId, String currency, LocalDate due, DueTotalChange change) {
    dueTotals.merge(new DueKey(tenantId, currency, due), change, DueTotalChange::plus);
  }

  void outstandingChange(String tenantId, String currency, LocalDate day, BigDecimal amount) {
    outstandingChanges.merge(new DayKey(tenantId, currency, day), amount, BigDecimal::add);
  }

  void flow(InvoiceRef invoice, LocalDate day, FlowDelta delta) {
    customerFlows.merge(
        new CustomerDayKey(invoice.tenantId(), invoice.currency(), day, invoice.customerId()),
        delta,
        FlowDelta::plus);
    tenantFlows.merge(
        new DayKey(invoice.tenantId(), invoice.currency(), day), delta, FlowDelta::plus);
    stale(invoice.tenantId(), invoice.currency(), day);
  }

  /** Snapshots from {@code from} on are stale; a null currency means all of the tenant's. */
  void stale(String tenantId, String currency, LocalDate from) {
    staleFrom.merge(new SnapshotKey(tenantId, currency), from, (a, b) -> a.isBefore(b) ? a : b);
  }

  boolean isEmpty() {
    return issued.isEmpty()
        && dueTotals.isEmpty()
        && outstandingChanges.isEmpty()
        && customerFlows.isEmpty()
        && tenantFlows.isEmpty()
        && staleFrom.isEmpty();
  }

  void clear() {
    issued.clear();
    dueTotals.clear();
    outstandingChanges.clear();
    customerFlows.clear();
    tenantFlows.clear();
    staleFrom.clear();
  }
}
