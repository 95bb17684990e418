package org.receivables.kpi.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the movements of one batch change in the aggregates that reads rely on, summed per row in
 * memory: a thousand invoices issued on one day for one due date are one upsert of each aggregate,
 * not a thousand. The batch's issued invoices wait here too, for one insert of all of them ({@link
 * IssuedInvoiceWriter}), and the invoices it moves with their entries ({@link PendingInvoices}).
 * The same changes are kept per customer too, so that, once the customers' segments are known, they
 * become one row change per segment ({@link #bySegment}). Plain and single-threaded: one per
 * transaction ({@link AggregateWriter}).
 */
final class PendingAggregates {

  record DueKey(String tenantId, String currency, LocalDate dueDate) {}

  record DayKey(String tenantId, String currency, LocalDate day) {}

  record CustomerDayKey(String tenantId, String currency, LocalDate day, UUID customerId) {}

  record CustomerDueKey(String tenantId, String currency, LocalDate dueDate, UUID customerId) {}

  record SegmentDueKey(String tenantId, String currency, String segment, LocalDate dueDate) {}

  record SegmentDayKey(String tenantId, String currency, String segment, LocalDate day) {}

  /** A tenant's customer. */
  record CustomerKey(String tenantId, UUID customerId) {}

  /** A customer's score as the batch's latest {@code ScoreChanged} of it states it. */
  record Score(int score, String riskClass, BigDecimal probabilityOfDefault) {}

  /** A customer's facts as its latest registration or update in the batch states them. */
  record CustomerFacts(String externalRef, String name, String segment) {}

  /** The batch's changes summed per segment; customers without one are left out. */
  record SegmentChanges(
      Map<SegmentDueKey, DueTotalChange> dueTotals,
      Map<SegmentDayKey, BigDecimal> outstandingChanges,
      Map<SegmentDayKey, FlowDelta> flows) {}

  /** An issued invoice waiting for the batch's insert, with its number and event. */
  record Issue(InvoiceRef invoice, String number, String eventId) {}

  /** A tenant's snapshots of one currency, or of every currency when {@code currency} is null. */
  record SnapshotKey(String tenantId, String currency) {}

  final Map<UUID, Issue> issued = new LinkedHashMap<>();

  /** The invoices the batch moves, with their entries and payments to write. */
  final PendingInvoices invoices = new PendingInvoices();

  final Map<DueKey, DueTotalChange> dueTotals = new LinkedHashMap<>();
  final Map<DayKey, BigDecimal> outstandingChanges = new LinkedHashMap<>();
  final Map<CustomerDueKey, DueTotalChange> customerDueTotals = new LinkedHashMap<>();
  final Map<CustomerDayKey, BigDecimal> customerOutstandingChanges = new LinkedHashMap<>();
  final Map<CustomerDayKey, FlowDelta> customerFlows = new LinkedHashMap<>();
  final Map<DayKey, FlowDelta> tenantFlows = new LinkedHashMap<>();
  final Map<SnapshotKey, LocalDate> staleFrom = new LinkedHashMap<>();

  /** The customers the batch registered or updated, written with it ({@link SegmentAggregates}). */
  final Map<CustomerKey, CustomerFacts> customerFacts = new LinkedHashMap<>();

  /** The batch's latest score and credit hold of each customer, and every score's history row. */
  final Map<CustomerKey, Score> scores = new LinkedHashMap<>();

  final List<Object[]> scoreHistory = new ArrayList<>();
  final Map<CustomerKey, Boolean> holds = new LinkedHashMap<>();

  /**
   * Keeps an issued invoice for the batch's insert.
   *
   * @return false when the batch already issued it (under another event id): the first is kept
   */
  boolean issue(InvoiceRef invoice, String number, String eventId) {
    return issued.putIfAbsent(invoice.invoiceId(), new Issue(invoice, number, eventId)) == null;
  }

  /** What a movement of {@code invoice} changes in the row of due date {@code due}. */
  void dueTotal(InvoiceRef invoice, LocalDate due, DueTotalChange change) {
    dueTotals.merge(
        new DueKey(invoice.tenantId(), invoice.currency(), due), change, DueTotalChange::plus);
    customerDueTotals.merge(
        new CustomerDueKey(invoice.tenantId(), invoice.currency(), due, invoice.customerId()),
        change,
        DueTotalChange::plus);
  }

  /** What a movement of {@code invoice} changes in what is owed from {@code day} on. */
  void outstandingChange(InvoiceRef invoice, LocalDate day, BigDecimal amount) {
    outstandingChanges.merge(
        new DayKey(invoice.tenantId(), invoice.currency(), day), amount, BigDecimal::add);
    customerOutstandingChanges.merge(
        new CustomerDayKey(invoice.tenantId(), invoice.currency(), day, invoice.customerId()),
        amount,
        BigDecimal::add);
  }

  /** The customers whose figures the batch changes so far, issued invoices included. */
  Set<CustomerKey> customers() {
    Set<CustomerKey> out = new LinkedHashSet<>();
    issued
        .values()
        .forEach(i -> out.add(new CustomerKey(i.invoice().tenantId(), i.invoice().customerId())));
    customerDueTotals.keySet().forEach(k -> out.add(new CustomerKey(k.tenantId(), k.customerId())));
    customerOutstandingChanges
        .keySet()
        .forEach(k -> out.add(new CustomerKey(k.tenantId(), k.customerId())));
    customerFlows.keySet().forEach(k -> out.add(new CustomerKey(k.tenantId(), k.customerId())));
    return out;
  }

  /**
   * The per-customer changes summed per segment, given each customer's segment ({@code segmentOf};
   * a customer absent from it has none and counts in no segment).
   */
  SegmentChanges bySegment(Map<CustomerKey, String> segmentOf) {
    Map<SegmentDueKey, DueTotalChange> due = new LinkedHashMap<>();
    customerDueTotals.forEach(
        (k, change) -> {
          String segment = segmentOf.get(new CustomerKey(k.tenantId(), k.customerId()));
          if (segment != null) {
            due.merge(
                new SegmentDueKey(k.tenantId(), k.currency(), segment, k.dueDate()),
                change,
                DueTotalChange::plus);
          }
        });
    Map<SegmentDayKey, BigDecimal> outstanding = new LinkedHashMap<>();
    customerOutstandingChanges.forEach(
        (k, amount) -> {
          String segment = segmentOf.get(new CustomerKey(k.tenantId(), k.customerId()));
          if (segment != null) {
            outstanding.merge(
                new SegmentDayKey(k.tenantId(), k.currency(), segment, k.day()),
                amount,
                BigDecimal::add);
          }
        });
    Map<SegmentDayKey, FlowDelta> flows = new LinkedHashMap<>();
    customerFlows.forEach(
        (k, delta) -> {
          String segment = segmentOf.get(new CustomerKey(k.tenantId(), k.customerId()));
          if (segment != null) {
            flows.merge(
                new SegmentDayKey(k.tenantId(), k.currency(), segment, k.day()),
                delta,
                FlowDelta::plus);
          }
        });
    return new SegmentChanges(due, outstanding, flows);
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
        && !invoices.hasWrites()
        && dueTotals.isEmpty()
        && outstandingChanges.isEmpty()
        && customerDueTotals.isEmpty()
        && customerOutstandingChanges.isEmpty()
        && customerFlows.isEmpty()
        && tenantFlows.isEmpty()
        && staleFrom.isEmpty()
        && customerFacts.isEmpty()
        && scores.isEmpty()
        && scoreHistory.isEmpty()
        && holds.isEmpty();
  }

  void clear() {
    issued.clear();
    dueTotals.clear();
    outstandingChanges.clear();
    customerDueTotals.clear();
    customerOutstandingChanges.clear();
    customerFlows.clear();
    tenantFlows.clear();
    staleFrom.clear();
    customerFacts.clear();
    scores.clear();
    scoreHistory.clear();
    holds.clear();
  }
}
