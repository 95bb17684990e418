package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kpi.formula.AgingReport;

/**
 * What a summary reads ({@link SummaryService.Inputs}), for every segment of the tenant at once:
 * each read of {@link OpenItemRepository}, {@link FlowRepository} and {@link OutcomeRepository} for
 * a segment scope, grouped by segment, so that the summaries of all segments cost one query per
 * kind instead of one per kind and segment. The conditions are those of a segment scope ({@link
 * Scope#aggregateFilter} on the per-segment aggregates, the customer's segment for rows read
 * invoice by invoice), so each segment gets what its own summary reads.
 */
@ApplicationScoped
public class SegmentReads {

  /** An invoice's segment: its customer's (the join stands for {@link Scope#filter}'s exists). */
  private static final String SEGMENT_OF_I =
      " join kpi_customer sc on sc.tenant_id = i.tenant_id and sc.customer_id = i.customer_id and"
          + " sc.segment = any(cast(:segments as text[]))";

  private static final String AGING =
      "select t.segment, t.due_date, sum(t.balance) as balance, sum(t.open_count) as n from"
          + " (select d.segment,"
          + " d.due_date, d.balance, d.open_count from kpi_segment_due_total d where d.tenant_id ="
          + " :tenant and d.currency = :currency and d.segment = any(cast(:segments as text[]))"
          + " union all select l.segment, l.due_date, -sum(l.amount), case when l.balance -"
          + " sum(l.amount) <> 0 then 1 else 0 end - case when l.balance <> 0 then 1 else 0 end"
          + " from (select sc.segment, i.invoice_id, i.due_date, i.balance, e.amount from"
          + " kpi_ledger_entry e join kpi_invoice i on i.invoice_id = e.invoice_id"
          + SEGMENT_OF_I
          + " where e.tenant_id = :tenant and e.entry_date > :asOf and i.currency = :currency"
          + " union all select sc.segment, i.invoice_id, i.due_date, i.balance, e.amount from"
          + " kpi_invoice i join kpi_ledger_entry e on e.invoice_id = i.invoice_id"
          + SEGMENT_OF_I
          + " where i.tenant_id = :tenant and i.currency = :currency and i.issue_date > :asOf and"
          + " e.entry_date <= :asOf) l group by l.segment, l.invoice_id, l.due_date, l.balance) t"
          + " group by t.segment, t.due_date";

  private record SegmentDueDate(String segment, LocalDate dueDate, BigDecimal balance, long n) {}

  private record SegmentAmount(String segment, BigDecimal amount) {}

  private record SegmentFlows(String segment, Flows flows) {}

  private record SegmentDay(String segment, LocalDate day, BigDecimal amount) {}

  private record SegmentOutcomes(
      String segment, String kind, OutcomeRepository.Outcomes outcomes) {}

  @Inject EntityManager em;

  /** Every segment's inputs of a summary over [from, asOf]; a segment without rows gets zeros. */
  public Map<String, SummaryService.Inputs> inputs(
      String tenantId, String currency, List<String> segments, LocalDate from, LocalDate asOf) {
    String array = textArray(segments);
    Map<String, AgingReport> reports = new HashMap<>();
    Map<String, Long> openCounts = new HashMap<>();
    for (String s : segments) {
      reports.put(s, new AgingReport(asOf, BigDecimal.ZERO));
      openCounts.put(s, 0L);
    }
    NamedRows.list(
            bind(tuples(AGING), tenantId, currency, array).setParameter("asOf", asOf),
            SegmentDueDate.class,
            Columns.Nulls.ZERO)
        .forEach(
            row -> {
              reports.get(row.segment()).add(row.dueDate(), row.balance());
              openCounts.merge(row.segment(), row.n(), Long::sum);
            });

    Map<String, BigDecimal> atStart =
        amounts(
            bind(
                    tuples(
                        "select o.segment, coalesce(sum(o.amount), 0) as amount from"
                            + " kpi_segment_outstanding_change o where o.tenant_id = :tenant and"
                            + " o.currency = :currency and o.day <= :asOf and o.segment ="
                            + " any(cast(:segments as text[])) group by o.segment"),
                    tenantId,
                    currency,
                    array)
                .setParameter("asOf", from.minusDays(1)));

    Map<String, Flows> flows = new HashMap<>();
    NamedRows.list(
            bind(
                    tuples(
                        "select f.segment, "
                            + FlowRepository.FLOW_SUMS
                            + " from kpi_segment_daily_flow"
                            + " f where f.tenant_id = :tenant and f.currency = :currency and f.day"
                            + " between :from and :to and f.segment = any(cast(:segments as"
                            + " text[])) group by f.segment"),
                    tenantId,
                    currency,
                    array)
                .setParameter("from", from)
                .setParameter("to", asOf),
            SegmentFlows.class,
            Columns.Nulls.FAIL)
        .forEach(f -> flows.put(f.segment(), f.flows()));

    Map<String, BigDecimal> fellOverdue =
        amounts(
            bind(
                    tuples(
                        "select d.segment, coalesce(sum(d.owed_at_due), 0) as amount from"
                            + " kpi_segment_due_total d where d.tenant_id = :tenant and d.currency"
                            + " = :currency and d.due_date between :dueFrom and :dueTo and"
                            + " d.segment = any(cast(:segments as text[])) group by d.segment"),
                    tenantId,
                    currency,
                    array)
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", asOf.minusDays(1)));
    Map<String, BigDecimal> recovered =
        amounts(
            bind(
                    tuples(
                        "select p.segment, coalesce(sum(least(p.owed, greatest(0, p.paid))), 0)"
                            + " as amount from (select sc.segment, i.invoice_id, i.balance_at_due owed,"
                            + " -sum(e.amount) paid from kpi_ledger_entry e join kpi_invoice i on"
                            + " i.invoice_id = e.invoice_id"
                            + SEGMENT_OF_I
                            + " where e.tenant_id = :tenant and e.kind in ('PAYMENT',"
                            + " 'PAYMENT_REVERSED') and e.entry_date > :dueFrom and e.entry_date"
                            + " <= :to and i.currency = :currency and i.due_date between :dueFrom"
                            + " and :dueTo and e.entry_date > i.due_date and i.balance_at_due > 0"
                            + " group by sc.segment, i.invoice_id, i.balance_at_due) p group by"
                            + " p.segment"),
                    tenantId,
                    currency,
                    array)
                .setParameter("dueFrom", from.minusDays(1))
                .setParameter("dueTo", asOf.minusDays(1))
                .setParameter("to", asOf));

    Map<String, OutcomeRepository.Outcomes> commitments = new HashMap<>();
    NamedRows.list(
            bind(
                    tuples(
                        "select sc.segment, k.kind, count(*) filter (where k.outcome = 'KEPT') as"
                            + " kept, count(*) filter (where k.outcome = 'BROKEN') as broken from"
                            + " kpi_commitment k"
                            + " join kpi_customer sc on sc.tenant_id = k.tenant_id and"
                            + " sc.customer_id = k.customer_id and sc.segment ="
                            + " any(cast(:segments as text[])) where k.tenant_id = :tenant and"
                            + " (k.currency = :currency or k.currency is null) and k.kind in"
                            + " ('PROMISE', 'PLAN') and k.resolved_on between :from and :to group"
                            + " by sc.segment, k.kind"),
                    tenantId,
                    currency,
                    array)
                .setParameter("from", from)
                .setParameter("to", asOf),
            SegmentOutcomes.class,
            Columns.Nulls.ZERO)
        .forEach(o -> commitments.put(o.segment() + "\u0000" + o.kind(), o.outcomes()));

    LocalDate salesFrom = SummaryService.countBackFrom(asOf);
    Map<String, Map<LocalDate, BigDecimal>> dailySales = new HashMap<>();
    NamedRows.list(
            bind(
                    tuples(
                        "select f.segment, f.day, sum(f.invoiced - f.credited - f.cancelled -"
                            + " f.discounted) as amount from kpi_segment_daily_flow f where f.tenant_id ="
                            + " :tenant and f.currency = :currency and f.day between :from and"
                            + " :to and f.segment = any(cast(:segments as text[]))"
                            + FlowRepository.CARRIES_A_FLOW
                            + " group by f.segment, f.day"),
                    tenantId,
                    currency,
                    array)
                .setParameter("from", salesFrom)
                .setParameter("to", asOf),
            SegmentDay.class,
            Columns.Nulls.FAIL)
        .forEach(
            d ->
                dailySales
                    .computeIfAbsent(d.segment(), k -> new HashMap<>())
                    .put(d.day(), d.amount()));

    Flows none =
        new Flows(
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO);
    OutcomeRepository.Outcomes nothing = new OutcomeRepository.Outcomes(0, 0);
    Map<String, SummaryService.Inputs> out = new HashMap<>();
    for (String s : segments) {
      out.put(
          s,
          new SummaryService.Inputs(
              new OpenItemRepository.Aging(reports.get(s), openCounts.get(s)),
              atStart.getOrDefault(s, BigDecimal.ZERO),
              flows.getOrDefault(s, none),
              new OutcomeRepository.Recovery(
                  fellOverdue.getOrDefault(s, BigDecimal.ZERO),
                  recovered.getOrDefault(s, BigDecimal.ZERO)),
              commitments.getOrDefault(s + "\u0000PROMISE", nothing),
              commitments.getOrDefault(s + "\u0000PLAN", nothing),
              dailySales.getOrDefault(s, Map.of())));
    }
    return out;
  }

  private Map<String, BigDecimal> amounts(Query query) {
    Map<String, BigDecimal> out = new HashMap<>();
    NamedRows.list(query, SegmentAmount.class).forEach(a -> out.put(a.segment(), a.amount()));
    return out;
  }

  private Query tuples(String sql) {
    return em.createNativeQuery(sql, Tuple.class);
  }

  private static Query bind(Query query, String tenantId, String currency, String segments) {
    return query
        .setParameter("tenant", tenantId)
        .setParameter("currency", currency)
        .setParameter("segments", segments);
  }

  /** A text array literal of the segments, each quoted. */
  private static String textArray(List<String> values) {
    StringBuilder out = new StringBuilder("{");
    for (String v : values) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return out.append('}').toString();
  }
}
