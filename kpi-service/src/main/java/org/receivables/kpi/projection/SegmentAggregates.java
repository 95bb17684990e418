package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kpi.projection.PendingAggregates.CustomerKey;
import org.receivables.kpi.projection.PendingAggregates.SegmentChanges;

/**
 * The tenant's aggregates per customer segment (V7__segment_read_aggregates.sql), so that a
 * segment's summary reads a few hundred rows, as the tenant's does, instead of every invoice of its
 * customers. A batch's changes go to the segment each customer has when the batch is written
 * ({@link #write}: one read of the customers' segments, one batched upsert per table). When
 * customers change segment, their figures move with them ({@link #writeCustomers}: one statement
 * per table for all of a tenant's moving customers, summing their own rows), in the batch's
 * transaction.
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

  /**
   * The customers that change segment, each with the segment it leaves (sign −1) and the one it
   * joins (sign +1); an empty segment is none. Signs are summed per row, so that customers moving
   * both ways between two segments make one change per row.
   */
  private static final String MOVES =
      " join unnest(cast(:customers as uuid[]), cast(:froms as text[]), cast(:tos as text[]))"
          + " m(customer, from_segment, to_segment) on m.customer = %s.customer_id cross join"
          + " lateral (values (nullif(m.from_segment, ''), -1), (nullif(m.to_segment, ''), 1))"
          + " s(segment, sign)";

  private static final String MOVE_DUE_TOTALS =
      "insert into kpi_segment_due_total (tenant_id, currency, segment, due_date, balance,"
          + " open_count, owed_at_due) select i.tenant_id, i.currency, s.segment, i.due_date,"
          + " sum(s.sign * i.balance), sum(s.sign * case when i.balance <> 0 then 1 else 0 end),"
          + " sum(s.sign * greatest(i.balance_at_due, 0)) from kpi_invoice i"
          + MOVES.formatted("i")
          + " where i.tenant_id = :tenant and s.segment is not null"
          + " group by i.tenant_id, i.currency, s.segment, i.due_date"
          + AggregateWriter.addOnConflict("kpi_segment_due_total", DUE_KEY, DUE_SUMS);

  private static final String MOVE_OUTSTANDING_CHANGES =
      "insert into kpi_segment_outstanding_change (tenant_id, currency, segment, day, amount)"
          + " select i.tenant_id, i.currency, s.segment, greatest(e.entry_date, i.issue_date),"
          + " sum(s.sign * e.amount) from kpi_invoice i join kpi_ledger_entry e on e.invoice_id ="
          + " i.invoice_id"
          + MOVES.formatted("i")
          + " where i.tenant_id = :tenant and s.segment is not null"
          + " group by i.tenant_id, i.currency, s.segment, greatest(e.entry_date, i.issue_date)"
          + AggregateWriter.addOnConflict(
              "kpi_segment_outstanding_change", DAY_KEY, List.of("amount"));

  /**
   * The customers' currencies (from their invoices, where every flow comes from) come first so that
   * the index on daily flows by tenant, currency and customer serves.
   */
  private static final String MOVE_FLOWS =
      "insert into kpi_segment_daily_flow (tenant_id, currency, segment, day, "
          + String.join(", ", AggregateWriter.FLOW_COLUMNS)
          + ") select f.tenant_id, f.currency, s.segment, f.day, "
          + AggregateWriter.FLOW_COLUMNS.stream()
              .map(c -> "sum(s.sign * f." + c + ")")
              .collect(Collectors.joining(", "))
          + " from kpi_daily_flow f"
          + MOVES.formatted("f")
          + " where f.tenant_id = :tenant and f.currency in (select distinct currency from"
          + " kpi_invoice where tenant_id = :tenant and customer_id = any(cast(:customers as"
          + " uuid[]))) and s.segment is not null group by f.tenant_id, f.currency, s.segment,"
          + " f.day"
          + AggregateWriter.addOnConflict(
              "kpi_segment_daily_flow", DAY_KEY, AggregateWriter.FLOW_COLUMNS);

  private record CustomerSegment(UUID customerId, String segment) {}

  @Inject EntityManager em;
  @Inject CustomerRepository customers;

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
   * Writes the batch's registered and updated customers, tenant by tenant: one read of the segments
   * they had, one upsert of all of them, and, when some changed segment, their figures moved from
   * the old segment's rows to the new one's in one statement per table (summing the customers' own
   * rows). The batch's figures were written before ({@link #write}), under the segments the
   * customers had; a customer that moved twice in the batch moves once, from the first to the last.
   */
  void writeCustomers(Map<CustomerKey, PendingAggregates.CustomerFacts> facts) {
    if (facts.isEmpty()) {
      return;
    }
    Map<CustomerKey, String> before = segmentsOf(facts.keySet());
    Map<String, List<Move>> moves = new LinkedHashMap<>();
    customers.upsertAll(facts);
    facts.forEach(
        (k, f) -> {
          String from = before.get(k);
          if (!Objects.equals(from, f.segment())) {
            moves
                .computeIfAbsent(k.tenantId(), t -> new ArrayList<>())
                .add(new Move(k.customerId(), from, f.segment()));
          }
        });
    moves.forEach(this::move);
  }

  /** A customer whose segment changed ({@code from} null: it had none). */
  private record Move(UUID customerId, String from, String to) {}

  /** Moves the figures of the customers between their segments. */
  private void move(String tenantId, List<Move> moves) {
    String customers =
        moves.stream()
            .map(m -> m.customerId().toString())
            .collect(Collectors.joining(",", "{", "}"));
    String froms = textArray(moves.stream().map(Move::from).toList());
    String tos = textArray(moves.stream().map(Move::to).toList());
    for (String sql : List.of(MOVE_DUE_TOTALS, MOVE_OUTSTANDING_CHANGES, MOVE_FLOWS)) {
      em.createNativeQuery(sql)
          .setParameter("tenant", tenantId)
          .setParameter("customers", customers)
          .setParameter("froms", froms)
          .setParameter("tos", tos)
          .executeUpdate();
    }
  }

  /** A text array literal, a null segment as the empty string (none). */
  private static String textArray(List<String> values) {
    return values.stream()
        .map(v -> v == null ? "" : v)
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** The segment of each of these customers that has one, in one query per tenant. */
  private Map<CustomerKey, String> segmentsOf(Set<CustomerKey> customers) {
    Map<String, List<UUID>> byTenant = new LinkedHashMap<>();
    customers.forEach(
        k -> byTenant.computeIfAbsent(k.tenantId(), t -> new ArrayList<>()).add(k.customerId()));
    Map<CustomerKey, String> out = new HashMap<>();
    byTenant.forEach(
        (tenant, ids) ->
            NamedRows.list(
                    em.createNativeQuery(
                            "select customer_id, segment from kpi_customer where tenant_id ="
                                + " :tenant and customer_id = any(cast(:ids as uuid[])) and"
                                + " segment is not null",
                            Tuple.class)
                        .setParameter("tenant", tenant)
                        .setParameter(
                            "ids",
                            ids.stream()
                                .map(UUID::toString)
                                .collect(Collectors.joining(",", "{", "}"))),
                    CustomerSegment.class)
                .forEach(c -> out.put(new CustomerKey(tenant, c.customerId()), c.segment())));
    return out;
  }
}
