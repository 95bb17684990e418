package org.receivables.scoring.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
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
    read(
            "select tenant_id, customer_id, name, segment, currency, registered from sc_customer"
                + " where tenant_id = ? and customer_id = any(?) order by customer_id for update",
            Customer.class,
            tenant,
            ids)
        .forEach(c -> out.put(c.customerId(), c));
    return out;
  }

  private record SettlementRow(
      String customerId,
      String invoiceId,
      Settlement.Kind kind,
      BigDecimal amount,
      LocalDate occurredOn,
      LocalDate reversedOn) {}

  /** An invoice and its cancellation date (left joined: most have none), by customer. */
  private record CustomerInvoice(String customerId, InvoiceRow invoice) {}

  /** Each customer's invoices, oldest first, with settlements and cancellation. */
  Map<String, List<InvoiceHistory>> invoices(String tenant, Collection<String> ids) {
    // keyed by customer and invoice: a customer's settlements are those its events named
    Map<List<String>, List<Settlement>> settlements = new HashMap<>();
    read(
            "select customer_id, invoice_id, kind, amount, occurred_on, reversed_on from"
                + " sc_settlement where tenant_id = ? and customer_id = any(?) order by id",
            SettlementRow.class,
            tenant,
            ids)
        .forEach(
            r ->
                settlements
                    .computeIfAbsent(List.of(r.customerId(), r.invoiceId()), k -> new ArrayList<>())
                    .add(new Settlement(r.kind(), r.amount(), r.occurredOn(), r.reversedOn())));
    Map<String, List<InvoiceHistory>> out = new HashMap<>();
    read(
            "select i.customer_id, i.invoice_id, i.currency, i.issue_date, i.due_date,"
                + " i.total_incl_tax as total, x.cancelled_on from invoice_replica i left join"
                + " sc_invoice_cancellation x on x.tenant_id = i.tenant_id and x.invoice_id ="
                + " i.invoice_id where i.tenant_id = ? and i.customer_id = any(?) order by"
                + " i.issue_date, i.invoice_id",
            CustomerInvoice.class,
            tenant,
            ids)
        .forEach(
            c ->
                out.computeIfAbsent(c.customerId(), k -> new ArrayList<>())
                    .add(
                        c.invoice()
                            .history(
                                settlements.getOrDefault(
                                    List.of(c.customerId(), c.invoice().invoiceId()), List.of()))));
    return out;
  }

  private record DisputeRow(String customerId, CollectionFacts.Dispute dispute) {}

  private record EventRow(String customerId, String kind, LocalDate occurredOn) {}

  /** Each customer's disputes and dunning's collection events (hold requests are not scored). */
  Map<String, CollectionFacts> facts(String tenant, Collection<String> ids) {
    Map<String, List<CollectionFacts.Dispute>> disputes = new HashMap<>();
    read(
            "select customer_id, opened_on, resolved_on, amount from sc_dispute where tenant_id ="
                + " ? and customer_id = any(?) order by id",
            DisputeRow.class,
            tenant,
            ids)
        .forEach(
            d -> disputes.computeIfAbsent(d.customerId(), k -> new ArrayList<>()).add(d.dispute()));
    Map<String, Map<String, List<LocalDate>>> events = new HashMap<>();
    read(
            "select customer_id, kind, occurred_on from sc_collection_event where tenant_id = ?"
                + " and customer_id = any(?) order by id",
            EventRow.class,
            tenant,
            ids)
        .forEach(
            e ->
                events
                    .computeIfAbsent(e.customerId(), k -> new HashMap<>())
                    .computeIfAbsent(e.kind(), k -> new ArrayList<>())
                    .add(e.occurredOn()));
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

  private record StatementId(UUID id) {}

  /**
   * Each customer's latest statement of a fiscal year ended on or before {@code asOf}: chosen in
   * SQL, then loaded by id. (A query over {@code customerId in (...)} would be translated anew for
   * every batch, its list being of another length each time: a fifth of scoring's CPU under load.)
   */
  Map<String, FinancialStatement> statements(
      String tenant, Collection<String> ids, LocalDate asOf) {
    List<UUID> latest =
        read(
                "select distinct on (customer_id) id from sc_financial_statement where tenant_id ="
                    + " ? and customer_id = any(?) and fiscal_year_end <= ? order by customer_id,"
                    + " fiscal_year_end desc, id",
                StatementId.class,
                tenant,
                ids,
                asOf)
            .stream()
            .map(StatementId::id)
            .toList();
    Map<String, FinancialStatement> out = new HashMap<>();
    if (!latest.isEmpty()) {
      em.unwrap(Session.class)
          .findMultiple(FinancialStatement.class, latest)
          .forEach(s -> out.put(s.customerId, s));
    }
    return out;
  }

  private record RatingRow(String customerId, ExternalScore external) {}

  /** Each customer's most recent rating dated on or before {@code asOf}. */
  Map<String, ExternalScore> ratings(String tenant, Collection<String> ids, LocalDate asOf) {
    Map<String, ExternalScore> out = new HashMap<>();
    read(
            "select distinct on (customer_id) customer_id, source, rating, score, rated_on from"
                + " sc_external_rating where tenant_id = ? and customer_id = any(?) and rated_on"
                + " <= ? order by customer_id, rated_on desc, id desc",
            RatingRow.class,
            tenant,
            ids,
            asOf)
        .forEach(r -> out.put(r.customerId(), r.external()));
    return out;
  }

  private record SectorRow(String sector, SectorRiskLevel level) {}

  /** The tenant's risk level of each of these sectors that has one. */
  Map<String, SectorRiskLevel> sectors(String tenant, Collection<String> sectors) {
    Map<String, SectorRiskLevel> out = new HashMap<>();
    if (!sectors.isEmpty()) {
      read(
              "select sector, level from sc_sector_risk where tenant_id = ? and sector = any(?)",
              SectorRow.class,
              tenant,
              sectors)
          .forEach(r -> out.put(r.sector(), r.level()));
    }
    return out;
  }

  private record OverrideRow(String customerId, BigDecimal creditLimit) {}

  /** Each customer's override in force; a customer whose latest row cleared it maps to null. */
  Map<String, Optional<BigDecimal>> overrides(String tenant, Collection<String> ids) {
    Map<String, Optional<BigDecimal>> out = new HashMap<>();
    read(
            "select distinct on (customer_id) customer_id, credit_limit from sc_limit_override"
                + " where tenant_id = ? and customer_id = any(?) order by customer_id, id desc",
            OverrideRow.class,
            tenant,
            ids)
        .forEach(r -> out.put(r.customerId(), Optional.ofNullable(r.creditLimit())));
    return out;
  }

  private record ScoreRow(
      String customerId, int score, RiskClass riskClass, BigDecimal creditLimit, String currency) {}

  /** Each customer's stored score figures, as {@link ScoreRepository#stored} gives them. */
  Map<String, ScoreRevision.Figures> stored(String tenant, Collection<String> ids) {
    Map<String, ScoreRevision.Figures> out = new HashMap<>();
    read(
            "select customer_id, score, risk_class, credit_limit, currency from sc_score where"
                + " tenant_id = ? and customer_id = any(?)",
            ScoreRow.class,
            tenant,
            ids)
        .forEach(
            r ->
                out.put(
                    r.customerId(),
                    new ScoreRevision.Figures(
                        r.score(),
                        r.riskClass(),
                        Money.round(r.creditLimit(), r.currency()),
                        r.currency())));
    return out;
  }

  private record HoldRow(String customerId, CreditHolds.Change change) {}

  /** Each customer's latest hold change, as {@link CreditHolds#current} gives it. */
  Map<String, CreditHolds.Change> holds(String tenant, Collection<String> ids) {
    Map<String, CreditHolds.Change> out = new LinkedHashMap<>();
    read(
            "select distinct on (customer_id) customer_id, on_hold, reason, changed_by, changed_at"
                + " from sc_credit_hold where tenant_id = ? and customer_id = any(?) order by"
                + " customer_id, id desc",
            HoldRow.class,
            tenant,
            ids)
        .forEach(r -> out.put(r.customerId(), r.change()));
    return out;
  }

  /**
   * Runs a query on the transaction's connection, after flushing what the session holds, its rows
   * as records; a collection parameter is sent as a text array.
   */
  private <R extends Record> List<R> read(String sql, Class<R> type, Object... params) {
    return NamedRows.jdbc(em, sql, type, Columns.Nulls.ZERO, params);
  }
}
