package org.receivables.scoring.score;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.Settlement;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Figures;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.ledger.LedgerRepository;
import org.receivables.scoring.store.JsonText;

/**
 * Reads a {@link CustomerFile} in one statement, one round trip: the customer's row with its
 * invoices, settlements, disputes and collection events as JSON lists, and the latest statement,
 * rating, sector level, limit override and hold beside them. A score or a credit decision used to
 * read them with twelve statements, each a round trip and a Hibernate query of its own; the rows
 * and their order are the same as those reads' (the ledger's, the external inputs', the overrides'
 * and the holds' repositories, which the tests compare it with).
 */
@ApplicationScoped
public class CustomerFiles {

  private static final String SQL =
      "select c.name, c.segment, c.currency, c.registered,"
          // the replica's invoices, oldest first, each with its cancellation date
          + " (select cast(json_agg(json_build_object('invoiceId', i.invoice_id, 'currency',"
          + " i.currency, 'issueDate', i.issue_date, 'dueDate', i.due_date, 'total',"
          + " i.total_incl_tax, 'cancelledOn', (select x.cancelled_on from sc_invoice_cancellation"
          + " x where x.tenant_id = i.tenant_id and x.invoice_id = i.invoice_id)) order by"
          + " i.issue_date, i.invoice_id) as text) from invoice_replica i where i.tenant_id ="
          + " c.tenant_id and i.customer_id = c.customer_id) as invoices,"
          + " (select cast(json_agg(json_build_object('invoiceId', s.invoice_id, 'kind', s.kind,"
          + " 'amount', s.amount, 'occurredOn', s.occurred_on, 'reversedOn', s.reversed_on) order"
          + " by s.id) as text) from sc_settlement s where s.tenant_id = c.tenant_id and"
          + " s.customer_id = c.customer_id) as settlements,"
          + " (select cast(json_agg(json_build_object('openedOn', d.opened_on, 'resolvedOn',"
          + " d.resolved_on, 'amount', d.amount) order by d.id) as text) from sc_dispute d where"
          + " d.tenant_id = c.tenant_id and d.customer_id = c.customer_id) as disputes,"
          + " (select cast(json_agg(json_build_object('kind', e.kind, 'occurredOn', e.occurred_on)"
          + " order by e.id) as text) from sc_collection_event e where e.tenant_id = c.tenant_id"
          + " and e.customer_id = c.customer_id) as collection_events,"
          + " (select cast(json_build_object('fiscalYearEnd', f.fiscal_year_end, 'currency',"
          + " f.currency, 'totalAssets', f.total_assets, 'currentAssets', f.current_assets,"
          + " 'cash', f.cash, 'inventories', f.inventories, 'totalLiabilities',"
          + " f.total_liabilities, 'currentLiabilities', f.current_liabilities, 'equity',"
          + " f.equity, 'revenue', f.revenue, 'ebit', f.ebit, 'interestExpense',"
          + " f.interest_expense, 'netIncome', f.net_income, 'retainedEarnings',"
          + " f.retained_earnings) as text) from sc_financial_statement f where f.tenant_id ="
          + " c.tenant_id and f.customer_id = c.customer_id and f.fiscal_year_end <= ? order by"
          + " f.fiscal_year_end desc limit 1) as statement,"
          + " r.source as rating_source, r.rating as rating_grade, r.score as rating_score,"
          + " r.rated_on as rating_rated_on,"
          + " (select k.level from sc_sector_risk k where k.tenant_id = c.tenant_id and k.sector ="
          + " c.segment) as sector_level,"
          // the latest override; a row that cleared it has a null limit
          + " (select o.credit_limit from sc_limit_override o where o.tenant_id = c.tenant_id and"
          + " o.customer_id = c.customer_id order by o.id desc limit 1) as override_limit,"
          + " h.on_hold as hold_on, h.reason as hold_reason, h.changed_by as hold_changed_by,"
          + " h.changed_at as hold_changed_at"
          + " from sc_customer c"
          + " left join lateral (select source, rating, score, rated_on from sc_external_rating"
          + " where tenant_id = c.tenant_id and customer_id = c.customer_id and rated_on <= ?"
          + " order by rated_on desc, id desc limit 1) r on true"
          + " left join lateral (select on_hold, reason, changed_by, changed_at from sc_credit_hold"
          + " where tenant_id = c.tenant_id and customer_id = c.customer_id order by id desc limit"
          + " 1) h on true"
          + " where c.tenant_id = ? and c.customer_id = ?";

  private static final TypeReference<List<InvoiceRow>> INVOICES = new TypeReference<>() {};
  private static final TypeReference<List<SettlementRow>> SETTLEMENTS = new TypeReference<>() {};
  private static final TypeReference<List<CollectionFacts.Dispute>> DISPUTES =
      new TypeReference<>() {};
  private static final TypeReference<List<EventRow>> EVENTS = new TypeReference<>() {};
  private static final TypeReference<Figures> FIGURES = new TypeReference<>() {};

  @Inject EntityManager em;
  @Inject JsonText json;

  private record SettlementRow(
      String invoiceId,
      Settlement.Kind kind,
      BigDecimal amount,
      LocalDate occurredOn,
      LocalDate reversedOn) {}

  private record EventRow(String kind, LocalDate occurredOn) {}

  /** The statement's one row, a component per column of {@link #SQL}. */
  private record FileRow(
      String name,
      String segment,
      String currency,
      boolean registered,
      String invoices,
      String settlements,
      String disputes,
      String collectionEvents,
      String statement,
      String ratingSource,
      String ratingGrade,
      BigDecimal ratingScore,
      LocalDate ratingRatedOn,
      SectorRiskLevel sectorLevel,
      BigDecimal overrideLimit,
      boolean holdOn,
      String holdReason,
      String holdChangedBy,
      Instant holdChangedAt) {}

  /** The customer's file as of {@code asOf}; empty when scoring does not know the customer. */
  public Optional<CustomerFile> read(String tenant, String customerId, LocalDate asOf) {
    return NamedRows.jdbc(
            em, SQL, FileRow.class, Columns.Nulls.ZERO, asOf, asOf, tenant, customerId)
        .stream()
        .findFirst()
        .map(r -> file(tenant, customerId, r));
  }

  private CustomerFile file(String tenant, String customerId, FileRow r) {
    CustomerRepository.Customer customer =
        new CustomerRepository.Customer(
            tenant, customerId, r.name(), r.segment(), r.currency(), r.registered());
    return new CustomerFile(
        customer,
        invoices(list(r.invoices(), INVOICES), list(r.settlements(), SETTLEMENTS)),
        collection(list(r.disputes(), DISPUTES), list(r.collectionEvents(), EVENTS)),
        r.statement() == null ? null : json.read(r.statement(), FIGURES),
        r.ratingRatedOn() == null
            ? null
            : new ExternalScore(
                r.ratingSource(), r.ratingGrade(), r.ratingScore(), r.ratingRatedOn()),
        r.sectorLevel(),
        r.overrideLimit(),
        r.holdChangedAt() == null
            ? null
            : new CreditHolds.Change(
                r.holdOn(), r.holdReason(), r.holdChangedBy(), r.holdChangedAt()));
  }

  private <T> List<T> list(String text, TypeReference<List<T>> type) {
    return text == null ? List.of() : json.read(text, type);
  }

  /** The invoices with their settlements, grouped as {@link LedgerRepository#invoices} does. */
  private static List<InvoiceHistory> invoices(
      List<InvoiceRow> invoices, List<SettlementRow> settlements) {
    Map<String, List<Settlement>> byInvoice = new LinkedHashMap<>();
    for (SettlementRow s : settlements) {
      byInvoice
          .computeIfAbsent(s.invoiceId(), k -> new ArrayList<>())
          .add(new Settlement(s.kind(), s.amount(), s.occurredOn(), s.reversedOn()));
    }
    return invoices.stream()
        .map(i -> i.history(byInvoice.getOrDefault(i.invoiceId(), List.of())))
        .toList();
  }

  /** The collection events by kind, as {@link LedgerRepository#facts} reads them. */
  private static CollectionFacts collection(
      List<CollectionFacts.Dispute> disputes, List<EventRow> events) {
    List<LocalDate> promises = new ArrayList<>();
    List<LocalDate> plans = new ArrayList<>();
    List<LocalDate> escalations = new ArrayList<>();
    for (EventRow e : events) {
      switch (e.kind()) {
        case LedgerRepository.PROMISE_BROKEN -> promises.add(e.occurredOn());
        case LedgerRepository.PLAN_BROKEN -> plans.add(e.occurredOn());
        case LedgerRepository.ESCALATED -> escalations.add(e.occurredOn());
        default -> {
          // hold requests are acted on, not scored
        }
      }
    }
    return new CollectionFacts(disputes, promises, plans, escalations);
  }
}
