package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The decision of a run, set-based: one statement over the replica selects the invoices the run
 * reports as skipped (with the reason) and the (invoice, step) pairs that are due, and nothing
 * else, so a million open invoices stay in PostgreSQL and only the few thousand the run acts on
 * reach Java. The rules are those of {@link SkipRules}, {@link StepSelector} and the policy
 * selector, applied row by row with the tenant's policies as parameters ({@link LadderTable}): the
 * customer's policy from the assignment, segment and risk class; the most advanced step reached by
 * the days late; no step at or after it taken yet (past the formal notice: the notice first, then
 * the escalations one by one); the gap since the last step. What SQL does not see is decided in
 * Java beforehand (whether a promise or plan is being kept, from its payments) and passed in;
 * grouping and minimum amounts follow in {@link Grouping} on the candidates alone. A second
 * statement counts the invoices considered. Must run inside a transaction (the cursor lives in it).
 */
@ApplicationScoped
public class DueInvoices {

  private static final String COUNT =
      "select count(*) as due from invoice_replica i where i.tenant_id = ? and i.outstanding > 0"
          + " and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.issue_date <= ?";

  /**
   * Parameters in order: the ladder (policy, index, code, offset, next offset), the policies (id,
   * gap, notice index, notice code), segment and risk winners, planned and promised invoices, the
   * fallback policy, then tenant and as-of where they occur. A step is due when it is the candidate
   * {@link StepSelector} names (the step reached; past the formal notice, the notice if not taken,
   * else the step after the last one taken, once its own day has come) and no step at or after it
   * ({@code later}) is taken.
   */
  private static final String DECIDE =
      """
      with ladder_input as (
        select * from unnest(?::uuid[], ?::int[], ?::text[], ?::int[], ?::int[])
          as t(pol, idx, code, off, nxt)),
      ladder as materialized (
        select l.pol, l.idx, l.code, l.off, l.nxt,
               (select y.code from ladder_input y
                where y.pol = l.pol and y.idx = l.idx - 1) as prev,
               array(select y.code from ladder_input y
                     where y.pol = l.pol and y.idx >= l.idx) as later
        from ladder_input l),
      policy as (
        select * from unnest(?::uuid[], ?::int[], ?::int[], ?::text[])
          as t(pol, gap, notice, notice_code)),
      by_segment as (select * from unnest(?::text[], ?::uuid[]) as t(k, pol)),
      by_risk as (select * from unnest(?::text[], ?::uuid[]) as t(k, pol)),
      planned as (select distinct unnest(?::text[]) as invoice_id),
      promised as (select distinct unnest(?::text[]) as invoice_id),
      customer as materialized (
        select c.customer_id,
               c.do_not_dun or (coalesce(s.exempt, false)
                 and (s.exempt_until is null or s.exempt_until >= ?::date)) as exempt,
               coalesce(assigned.pol, by_segment.pol, by_risk.pol, ?::uuid) as pol
        from dn_customer c
        left join dn_customer_risk r on r.tenant_id = c.tenant_id and r.customer_id = c.customer_id
        left join customer_setting s on s.tenant_id = c.tenant_id and s.customer_id = c.customer_id
        left join policy assigned on assigned.pol = s.policy_id
        left join by_segment on by_segment.k = lower(c.segment)
        left join by_risk on by_risk.k = lower(r.risk_class)
        where c.tenant_id = ?),
      claims as (
        select k.invoice_id, max(k.as_of) as last_on, array_agg(k.step_code) as codes
        from step_claim k where k.tenant_id = ? group by k.invoice_id),
      open as (
        select i.invoice_id, i.customer_id, i.number, i.currency, i.issue_date, i.due_date,
               i.total_incl_tax, i.outstanding, i.status, i.disputed,
               case when i.disputed then 'DISPUTED'
                    when cu.customer_id is null then 'CUSTOMER_UNKNOWN'
                    when cu.exempt then 'CUSTOMER_EXEMPT'
                    when pl.invoice_id is not null then 'PLAN_ACTIVE'
                    when pr.invoice_id is not null then 'PROMISE_ACTIVE' end as skip,
               cu.pol, ?::date - i.due_date as late,
               k.last_on, coalesce(k.codes, '{}') as codes
        from invoice_replica i
        left join customer cu on cu.customer_id = i.customer_id
        left join planned pl on pl.invoice_id = i.invoice_id
        left join promised pr on pr.invoice_id = i.invoice_id
        left join claims k on k.invoice_id = i.invoice_id
        where i.tenant_id = ? and i.outstanding > 0
          and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.issue_date <= ?),
      decided as (
        select o.invoice_id, o.customer_id, o.number, o.currency, o.issue_date, o.due_date,
               o.total_incl_tax, o.outstanding, o.status, o.disputed, o.skip, o.pol,
               x.idx as step
        from open o
        left join policy p on o.skip is null and p.pol = o.pol
        left join ladder l on p.pol is not null and l.pol = o.pol
          and l.off <= o.late and (l.nxt is null or l.nxt > o.late)
          and (o.last_on is null or o.last_on + p.gap <= ?::date)
        left join ladder x on l.idx is not null and x.pol = o.pol
          and case when p.notice < 0 or l.idx <= p.notice then x.idx = l.idx
                   when not (p.notice_code = any(o.codes)) then x.idx = p.notice
                   else x.prev = any(o.codes) and x.idx <= l.idx end
          and not (o.codes && x.later)
        where o.skip is not null or x.idx is not null)
      -- customer facts and payment references only for what the run acts on
      select o.invoice_id, o.customer_id, o.number, o.currency, o.issue_date, o.due_date,
             o.total_incl_tax as total, o.outstanding, o.status, o.disputed, n.payment_reference,
             %s, o.skip, o.pol, o.step
      from decided o
      left join dunning_invoice n on o.step is not null and n.tenant_id = ?
        and n.invoice_id = o.invoice_id
      left join dn_customer c on o.step is not null and c.tenant_id = ?
        and c.customer_id = o.customer_id
      left join dn_customer_risk r on o.step is not null and r.tenant_id = ?
        and r.customer_id = o.customer_id
      left join customer_setting s on o.step is not null and s.tenant_id = ?
        and s.customer_id = o.customer_id
      """
          .formatted(Replica.CUSTOMER_COLUMNS);

  /**
   * A row of {@link #DECIDE}: the invoice, its customer (read only when a step is due), and either
   * why the run skips it or the policy and index of the step due.
   */
  private record Decided(
      InvoiceFacts invoice, CustomerFacts customer, SkipReason skip, UUID pol, Integer step) {}

  @Inject EntityManager em;

  /**
   * Decides a run over the tenant's open invoices issued by {@code asOf}.
   *
   * @param promised invoices under a promise to pay being kept as of the date
   * @param planned invoices under a payment plan being kept as of the date
   */
  Decision decide(
      String tenantId,
      LocalDate asOf,
      List<DunningPolicy> ladders,
      Set<String> promised,
      Set<String> planned) {
    LadderTable table = new LadderTable(ladders);
    Decision decision = new Decision();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              // JIT compilation costs this statement seconds and saves nothing (as for the
              // benchmark's SQL pass): off for the rest of this transaction only
              try (var jit = connection.createStatement()) {
                jit.execute("set local jit = off");
              }
              decision.considered(count(connection, tenantId, asOf));
              try (PreparedStatement ps = connection.prepareStatement(DECIDE)) {
                bind(ps, connection, table, tenantId, asOf, promised, planned);
                ps.setFetchSize(2_000);
                try (ResultSet rs = ps.executeQuery()) {
                  NamedRows.RowReader<Decided> rows =
                      NamedRows.reader(rs, Decided.class, Columns.Nulls.ZERO);
                  while (rs.next()) {
                    read(rows.read(), table, decision);
                  }
                }
              }
            });
    return decision;
  }

  private static int count(Connection connection, String tenantId, LocalDate asOf)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(COUNT)) {
      ps.setString(1, tenantId);
      ps.setObject(2, asOf);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt("due");
      }
    }
  }

  private static void bind(
      PreparedStatement ps,
      Connection connection,
      LadderTable table,
      String tenantId,
      LocalDate asOf,
      Set<String> promised,
      Set<String> planned)
      throws SQLException {
    List<LadderTable.Step> steps = table.steps();
    List<LadderTable.Policy> policies = table.policies();
    int n = 0;
    ps.setArray(++n, array(connection, "uuid", steps.stream().map(LadderTable.Step::policyId)));
    ps.setArray(++n, array(connection, "int4", steps.stream().map(LadderTable.Step::index)));
    ps.setArray(++n, array(connection, "text", steps.stream().map(LadderTable.Step::code)));
    ps.setArray(++n, array(connection, "int4", steps.stream().map(LadderTable.Step::offset)));
    ps.setArray(++n, array(connection, "int4", steps.stream().map(LadderTable.Step::nextOffset)));
    ps.setArray(
        ++n, array(connection, "uuid", policies.stream().map(LadderTable.Policy::policyId)));
    ps.setArray(
        ++n, array(connection, "int4", policies.stream().map(LadderTable.Policy::minGapDays)));
    ps.setArray(
        ++n, array(connection, "int4", policies.stream().map(LadderTable.Policy::noticeIndex)));
    ps.setArray(
        ++n, array(connection, "text", policies.stream().map(LadderTable.Policy::noticeCode)));
    ps.setArray(++n, array(connection, "text", table.bySegment().keySet().stream()));
    ps.setArray(++n, array(connection, "uuid", table.bySegment().values().stream()));
    ps.setArray(++n, array(connection, "text", table.byRisk().keySet().stream()));
    ps.setArray(++n, array(connection, "uuid", table.byRisk().values().stream()));
    ps.setArray(++n, array(connection, "text", planned.stream()));
    ps.setArray(++n, array(connection, "text", promised.stream()));
    ps.setObject(++n, asOf);
    ps.setObject(++n, table.fallback());
    ps.setString(++n, tenantId);
    ps.setString(++n, tenantId);
    ps.setObject(++n, asOf);
    ps.setString(++n, tenantId);
    ps.setObject(++n, asOf);
    ps.setObject(++n, asOf);
    for (int i = 0; i < 4; i++) {
      ps.setString(++n, tenantId);
    }
  }

  private static java.sql.Array array(
      Connection connection, String type, java.util.stream.Stream<?> values) throws SQLException {
    return connection.createArrayOf(type, values.toArray());
  }

  private static void read(Decided d, LadderTable table, Decision decision) {
    if (d.skip() != null) {
      decision.skip(d.invoice(), d.skip());
      return;
    }
    DunningPolicy policy = table.policy(d.pol());
    decision.due(d.invoice(), d.customer(), policy, policy.steps().get(d.step()));
  }
}
