package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kpi.projection.PendingAggregates.CustomerKey;
import org.receivables.kpi.projection.PendingAggregates.SegmentChanges;
import org.receivables.kpi.sql.Rows;

/**
 * The tenant's aggregates per customer segment (V7__segment_read_aggregates.sql), so that a
 * segment's summary reads a few hundred rows, as the tenant's does, instead of every invoice of its
 * customers. A batch's changes go to the segment each customer has when the batch is written
 * ({@link #write}: one read of the customers' segments, one batched upsert per table). When a
 * customer changes segment, its figures move with it ({@link #move}: one statement per table,
 * summing the customer's own rows), in the transaction of the event that changed it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SegmentAggregates {

  private static final List<String> DUE_SUMS = List.of("balance", "open_count", "owed_at_due");
  private static final List<String> DUE_KEY =
      List.of("tenant_id", "currency", "segment", "due_date");
  private static final List<String> DAY_KEY = List.of("tenant_id", "currency", "segment", "day");

  private static final String DUE_TOTAL =
      AggregateWriter.upsert("kpi_segment_due_total", DUE_KEY, DUE_SUMS);
  private static final String OUTSTANDING_CHANGE =
      AggregateWriter.upsert("kpi_segment_outstanding_change", DAY_KEY, List.of("amount"));
  private static final String FLOW =
      AggregateWriter.upsert("kpi_segment_daily_flow", DAY_KEY, AggregateWriter.FLOW_COLUMNS);

  /** The segment left (sign −1) and the segment joined (sign +1); an empty segment is none. */
  private static final String MOVES =
      " cross join (values (nullif(cast(:from as text), ''), -1), (nullif(cast(:to as text), ''),"
          + " 1)) s(segment, sign)";

  private static final String MOVE_DUE_TOTALS =
      "insert into kpi_segment_due_total (tenant_id, currency, segment, due_date, balance,"
          + " open_count, owed_at_due) select i.tenant_id, i.currency, s.segment, i.due_date,"
          + " s.sign * sum(i.balance), s.sign * count(*) filter (where i.balance <> 0), s.sign *"
          + " sum(greatest(i.balance_at_due, 0)) from kpi_invoice i"
          + MOVES
          + " where i.tenant_id = :tenant and i.customer_id = :customer and s.segment is not null"
          + " group by i.tenant_id, i.currency, s.segment, s.sign, i.due_date"
          + AggregateWriter.addOnConflict("kpi_segment_due_total", DUE_KEY, DUE_SUMS);

  private static final String MOVE_OUTSTANDING_CHANGES =
      "insert into kpi_segment_outstanding_change (tenant_id, currency, segment, day, amount)"
          + " select i.tenant_id, i.currency, s.segment, greatest(e.entry_date, i.issue_date),"
          + " s.sign * sum(e.amount) from kpi_invoice i join kpi_ledger_entry e on e.invoice_id ="
          + " i.invoice_id"
          + MOVES
          + " where i.tenant_id = :tenant and i.customer_id = :customer and s.segment is not null"
          + " group by i.tenant_id, i.currency, s.segment, s.sign, greatest(e.entry_date,"
          + " i.issue_date)"
          + AggregateWriter.addOnConflict(
              "kpi_segment_outstanding_change", DAY_KEY, List.of("amount"));

  /**
   * The customer's currencies (from its invoices, where every flow comes from) come first so that
   * the index on daily flows by tenant, currency and customer serves.
   */
  private static final String MOVE_FLOWS =
      "insert into kpi_segment_daily_flow (tenant_id, currency, segment, day, "
          + String.join(", ", AggregateWriter.FLOW_COLUMNS)
          + ") select f.tenant_id, f.currency, s.segment, f.day, "
          + AggregateWriter.FLOW_COLUMNS.stream()
              .map(c -> "s.sign * sum(f." + c + ")")
              .collect(Collectors.joining(", "))
          + " from kpi_daily_flow f"
          + MOVES
          + " where f.tenant_id = :tenant and f.currency in (select distinct currency from"
          + " kpi_invoice where tenant_id = :tenant and customer_id = :customer) and"
          + " f.customer_id = :customer and s.segment is not null group by f.tenant_id,"
          + " f.currency, s.segment, s.sign, f.day"
          + AggregateWriter.addOnConflict(
              "kpi_segment_daily_flow", DAY_KEY, AggregateWriter.FLOW_COLUMNS);

  private record CustomerSegment(UUID customerId, String segment) {}

  @Inject EntityManager em;

  /** Adds the pending changes of the batch to the segments of their customers. */
  void write(PendingAggregates pending) {
    Set<CustomerKey> customers = pending.customers();
    if (customers.isEmpty()) {
      return;
    }
    SegmentChanges changes = pending.bySegment(segmentsOf(customers));
    List<Object[]> rows = new ArrayList<>();
    changes
        .dueTotals()
        .forEach(
            (k, c) ->
                rows.add(
                    new Object[] {
                      k.tenantId(),
                      k.currency(),
                      k.segment(),
                      k.dueDate(),
                      c.balance(),
                      c.openCount(),
                      c.owedAtDue()
                    }));
    JdbcBatch.insert(em, DUE_TOTAL, rows);
    rows.clear();
    changes
        .outstandingChanges()
        .forEach(
            (k, amount) ->
                rows.add(new Object[] {k.tenantId(), k.currency(), k.segment(), k.day(), amount}));
    JdbcBatch.insert(em, OUTSTANDING_CHANGE, rows);
    rows.clear();
    changes
        .flows()
        .forEach(
            (k, f) ->
                rows.add(
                    AggregateWriter.flowRow(
                        new Object[] {k.tenantId(), k.currency(), k.segment(), k.day()}, f)));
    JdbcBatch.insert(em, FLOW, rows);
  }

  /**
   * Moves every figure of the customer from segment {@code from} to segment {@code to} (a null
   * segment is none: nothing to take out, or nothing to add). The batch's changes of the customer
   * must have been written first ({@link AggregateWriter#flushIfPending}), under its old segment.
   */
  void move(String tenantId, UUID customerId, String from, String to) {
    for (String sql : List.of(MOVE_DUE_TOTALS, MOVE_OUTSTANDING_CHANGES, MOVE_FLOWS)) {
      em.createNativeQuery(sql)
          .setParameter("tenant", tenantId)
          .setParameter("customer", customerId)
          .setParameter("from", from == null ? "" : from)
          .setParameter("to", to == null ? "" : to)
          .executeUpdate();
    }
  }

  /** The segment of each of these customers that has one, in one query per tenant. */
  private Map<CustomerKey, String> segmentsOf(Set<CustomerKey> customers) {
    Map<String, List<UUID>> byTenant = new LinkedHashMap<>();
    customers.forEach(
        k -> byTenant.computeIfAbsent(k.tenantId(), t -> new ArrayList<>()).add(k.customerId()));
    Map<CustomerKey, String> out = new HashMap<>();
    byTenant.forEach(
        (tenant, ids) ->
            Rows.list(
                    em.createNativeQuery(
                            "select customer_id, segment from kpi_customer where tenant_id ="
                                + " :tenant and customer_id = any(cast(:ids as uuid[])) and"
                                + " segment is not null")
                        .setParameter("tenant", tenant)
                        .setParameter(
                            "ids",
                            ids.stream()
                                .map(UUID::toString)
                                .collect(Collectors.joining(",", "{", "}"))),
                    r -> new CustomerSegment(r.uuid(0), r.text(1)))
                .forEach(c -> out.put(new CustomerKey(tenant, c.customerId()), c.segment())));
    return out;
  }
}
