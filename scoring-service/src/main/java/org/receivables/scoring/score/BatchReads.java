package org.receivables.scoring.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.receivables.kit.money.Money;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.FinancialStatement;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.ledger.CustomerRepository.Customer;
import org.receivables.scoring.ledger.LedgerRepository;

/**
 * What {@link BatchRescore} reads for every customer of one tenant that a batch rescores: one query
 * per kind of fact for all of them ({@code customer_id = any(?)}), each giving per customer exactly
 * what the one-customer reads of {@link ScoreService#inputs} give (same filters, same order), so
 * that the scorecard sees the same inputs whichever path read them.
 */
@ApplicationScoped
public class BatchReads {

  @Inject EntityManager em;

  /**
   * Locks the customers' rows, in customer order so that two batches never wait on each other in a
   * cycle, and reads them; customers scoring does not know are left out.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  Map<String, Customer> lockCustomers(String tenant, Collection<String> ids) {
    Map<String, Customer> out = new HashMap<>();
    query(
        "select customer_id, name, segment, currency, registered from sc_customer where tenant_id"
            + " = ? and customer_id = any(?) order by customer_id for update",
        rs ->
            out.put(
                rs.getString(1),
                new Customer(
                    tenant,
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5))),
        tenant,
        ids);
    return out;
  }

  /** Each customer's invoices, oldest first, with settlements and cancellation. */
  Map<String, List<InvoiceHistory>> invoices(String tenant, Collection<String> ids) {
    // keyed by customer and invoice: a customer's settlements are those its events named
    Map<List<String>, List<Settlement>> settlements = new HashMap<>();
    query(
        "select customer_id, invoice_id, kind, amount, occurred_on, reversed_on from sc_settlement"
            + " where tenant_id = ? and customer_id = any(?) order by id",
        rs ->
            settlements
                .computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(
                    new Settlement(
                        Settlement.Kind.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class))),
        tenant,
        ids);
    Map<String, LocalDate> cancelled = new HashMap<>();
    query(
        "select x.invoice_id, x.cancelled_on from sc_invoice_cancellation x join invoice_replica i"
            + " on i.tenant_id = x.tenant_id and i.invoice_id = x.invoice_id where i.tenant_id = ?"
            + " and i.customer_id = any(?)",
        rs -> cancelled.put(rs.getString(1), rs.getObject(2, LocalDate.class)),
        tenant,
        ids);
    Map<String, List<InvoiceHistory>> out = new HashMap<>();
    query(
        "select customer_id, invoice_id, currency, issue_date, due_date, total_incl_tax from"
            + " invoice_replica where tenant_id = ? and customer_id = any(?) order by issue_date,"
            + " invoice_id",
        rs -> {
          String customer = rs.getString(1);
          String invoice = rs.getString(2);
          out.computeIfAbsent(customer, k -> new ArrayList<>())
              .add(
                  new InvoiceHistory(
                      invoice,
                      rs.getString(3),
                      rs.getObject(4, LocalDate.class),
                      rs.getObject(5, LocalDate.class),
                      rs.getBigDecimal(6),
                      cancelled.get(invoice),
                      settlements.getOrDefault(List.of(customer, invoice), List.of())));
        },
        tenant,
        ids);
    return out;
  }

  /** Each customer's disputes and dunning's collection events (hold requests are not scored). */
  Map<String, CollectionFacts> facts(String tenant, Collection<String> ids) {
    Map<String, List<CollectionFacts.Dispute>> disputes = new HashMap<>();
    query(
        "select customer_id, opened_on, resolved_on, amount from sc_dispute where tenant_id = ?"
            + " and customer_id = any(?) order by id",
        rs ->
            disputes
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(
                    new CollectionFacts.Dispute(
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4))),
        tenant,
        ids);
    Map<String, Map<String, List<LocalDate>>> events = new HashMap<>();
    query(
        "select customer_id, kind, occurred_on from sc_collection_event where tenant_id = ? and"
            + " customer_id = any(?) order by id",
        rs ->
            events
                .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                .add(rs.getObject(3, LocalDate.class)),
        tenant,
        ids);
    Map<String, CollectionFacts> out = new HashMap<>();
    for (String id : ids) {
      Map<String, List<LocalDate>> byKind = events.getOrDefault(id, Map.of());
      out.put(
          id,
          new CollectionFacts(
              disputes.getOrDefault(id, List.of()),
              byKind.getOrDefault(LedgerRepository.PROMISE_BROKEN, List.of()),
              byKind.getOrDefault(LedgerRepository.PLAN_BROKEN, List.of()),
              byKind.getOrDefault(LedgerRepository.ESCALATED, List.of())));
    }
    return out;
  }

  /** Each customer's latest statement of a fiscal year ended on or before {@code asOf}. */
  Map<String, FinancialStatement> statements(
      String tenant, Collection<String> ids, LocalDate asOf) {
    Map<String, FinancialStatement> out = new HashMap<>();
    FinancialStatement.<FinancialStatement>list(
            "tenantId = ?1 and customerId in ?2 and fiscalYearEnd <= ?3",
            tenant,
            List.copyOf(ids),
            asOf)
        .forEach(
            s ->
                out.merge(
                    s.customerId, s, (a, b) -> a.fiscalYearEnd.isAfter(b.fiscalYearEnd) ? a : b));
    return out;
  }

  /** Each customer's most recent rating dated on or before {@code asOf}. */
  Map<String, ExternalScore> ratings(String tenant, Collection<String> ids, LocalDate asOf) {
    Map<String, ExternalScore> out = new HashMap<>();
    query(
        "select distinct on (customer_id) customer_id, source, rating, score, rated_on from"
            + " sc_external_rating where tenant_id = ? and customer_id = any(?) and rated_on <= ?"
            + " order by customer_id, rated_on desc, id desc",
        rs ->
            out.put(
                rs.getString(1),
                new ExternalScore(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getObject(5, LocalDate.class))),
        tenant,
        ids,
        asOf);
    return out;
  }

  /** The tenant's risk level of each of these sectors that has one. */
  Map<String, SectorRiskLevel> sectors(String tenant, Collection<String> sectors) {
    Map<String, SectorRiskLevel> out = new HashMap<>();
    if (!sectors.isEmpty()) {
      query(
          "select sector, level from sc_sector_risk where tenant_id = ? and sector = any(?)",
          rs -> out.put(rs.getString(1), SectorRiskLevel.valueOf(rs.getString(2))),
          tenant,
          sectors);
    }
    return out;
  }

  /** Each customer's override in force; a customer whose latest row cleared it maps to null. */
  Map<String, Optional<BigDecimal>> overrides(String tenant, Collection<String> ids) {
    Map<String, Optional<BigDecimal>> out = new HashMap<>();
    query(
        "select distinct on (customer_id) customer_id, credit_limit from sc_limit_override where"
            + " tenant_id = ? and customer_id = any(?) order by customer_id, id desc",
        rs -> out.put(rs.getString(1), Optional.ofNullable(rs.getBigDecimal(2))),
        tenant,
        ids);
    return out;
  }

  /** Each customer's stored score figures, as {@link ScoreRepository#stored} gives them. */
  Map<String, ScoreRevision.Figures> stored(String tenant, Collection<String> ids) {
    Map<String, ScoreRevision.Figures> out = new HashMap<>();
    query(
        "select customer_id, score, risk_class, credit_limit, currency from sc_score where"
            + " tenant_id = ? and customer_id = any(?)",
        rs -> {
          String currency = rs.getString(5);
          out.put(
              rs.getString(1),
              new ScoreRevision.Figures(
                  rs.getInt(2),
                  RiskClass.valueOf(rs.getString(3)),
                  Money.round(rs.getBigDecimal(4), currency),
                  currency));
        },
        tenant,
        ids);
    return out;
  }

  /** Each customer's latest hold change, as {@link CreditHolds#current} gives it. */
  Map<String, CreditHolds.Change> holds(String tenant, Collection<String> ids) {
    Map<String, CreditHolds.Change> out = new LinkedHashMap<>();
    query(
        "select distinct on (customer_id) customer_id, on_hold, reason, changed_by, changed_at"
            + " from sc_credit_hold where tenant_id = ? and customer_id = any(?) order by"
            + " customer_id, id desc",
        rs ->
            out.put(
                rs.getString(1),
                new CreditHolds.Change(
                    rs.getBoolean(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant())),
        tenant,
        ids);
    return out;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a query on the transaction's connection, after flushing what the session holds; a
   * collection parameter is sent as a text array.
   */
  private void query(String sql, RowReader reader, Object... params) {
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                  bind(c, ps, i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    reader.read(rs);
                  }
                }
              }
            });
  }

  private static void bind(Connection c, PreparedStatement ps, int index, Object value)
      throws SQLException {
    if (value instanceof Collection<?> values) {
      ps.setArray(index, c.createArrayOf("text", values.toArray()));
    } else {
      ps.setObject(index, value);
    }
  }
}
