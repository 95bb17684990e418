package org.receivables.dunning.interest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.InterestBasis;
import org.receivables.dunning.policy.PolicySelector;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.dunning.policy.PolicyView;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.Movement;
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.problem.ProblemException;

/**
 * Late-payment interest on the replica's invoices, with the rate table read from the database (the
 * suite-wide ECB rates, overridden by any rows the tenant entered).
 */
@ApplicationScoped
public class InterestService {

  @Inject EntityManager em;
  @Inject Replica replica;
  @Inject PolicyService policies;
  @Inject Clock clock;

  /** One half-year's rates. */
  public record RateRow(
      String halfYear,
      BigDecimal ecbRate,
      BigDecimal frRate,
      BigDecimal euRate,
      String source,
      boolean tenantOverride) {}

  /** A stored rate: the suite-wide ones first, then the tenant's, which replace them. */
  record StoredRate(int year, int half, BigDecimal rate, String source, boolean tenantOverride) {}

  private List<StoredRate> stored(String tenantId) {
    return NamedRows.list(
        em.createNativeQuery(
                "select year, half, rate, source, tenant_id <> '' as tenant_override from reference_rate"
                    + " where tenant_id = '' or tenant_id = :t order by (tenant_id <> '')",
                Tuple.class)
            .setParameter("t", tenantId),
        StoredRate.class,
        Columns.Nulls.ZERO);
  }

  public RateTable table(String tenantId) {
    Map<HalfYear, BigDecimal> rates = new HashMap<>();
    for (StoredRate r : stored(tenantId)) {
      rates.put(new HalfYear(r.year(), r.half()), r.rate());
    }
    return new RateTable(rates);
  }

  public List<RateRow> rates(String tenantId) {
    Map<HalfYear, RateRow> rows = new java.util.TreeMap<>();
    for (StoredRate r : stored(tenantId)) {
      HalfYear h = new HalfYear(r.year(), r.half());
      BigDecimal ecb = r.rate();
      rows.put(
          h,
          new RateRow(
              h.toString(),
              pct(ecb),
              pct(ecb.add(LateInterest.FR_MARGIN)),
              pct(ecb.add(LateInterest.EU_MARGIN)),
              r.source(),
              r.tenantOverride()));
    }
    return new ArrayList<>(rows.values());
  }

  static BigDecimal pct(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 2 ? v.setScale(2, java.math.RoundingMode.HALF_UP) : s;
  }

  @Transactional
  public RateRow putRate(String tenantId, HalfYear h, BigDecimal ecbRate, String source) {
    if (ecbRate == null) {
      throw ProblemException.invalid("ecbRate", "is required");
    }
    if (ecbRate.compareTo(new BigDecimal("-5")) < 0
        || ecbRate.compareTo(new BigDecimal("30")) > 0
        || ecbRate.stripTrailingZeros().scale() > 4) {
      throw ProblemException.invalid(
          "ecbRate", "must be a percentage between -5 and 30 with at most 4 decimals");
    }
    em.createNativeQuery(
            "insert into reference_rate (tenant_id, year, half, rate, source, updated_at) values (:t, :y, :h, :r, :s, :at)"
                + " on conflict (tenant_id, year, half) do update set rate = excluded.rate, source = excluded.source,"
                + " updated_at = excluded.updated_at")
        .setParameter("t", tenantId)
        .setParameter("y", h.year())
        .setParameter("h", h.half())
        .setParameter("r", ecbRate)
        .setParameter("s", source == null ? "entered by the tenant" : source)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    return rates(tenantId).stream()
        .filter(r -> r.halfYear().equals(h.toString()))
        .findFirst()
        .orElseThrow();
  }

  /** The claim on one invoice under the policy of its customer. */
  @Transactional
  public Claim claim(String tenantId, String invoiceId, LocalDate asOf) {
    InvoiceFacts invoice =
        replica
            .invoice(tenantId, invoiceId)
            .orElseThrow(() -> ProblemException.notFound("Invoice", invoiceId));
    CustomerFacts customer = replica.customerOrBlank(tenantId, invoice.customerId());
    DunningPolicy policy =
        PolicySelector.select(
                policies.current(tenantId).stream().map(PolicyView::toPolicy).toList(),
                customer.assignedPolicy(),
                customer.segment(),
                customer.riskClass())
            .orElse(null);
    InterestBasis basis = policy == null ? InterestBasis.FR_LEGAL : policy.interestBasis();
    BigDecimal contractual = policy == null ? null : policy.contractualRate();
    return claim(tenantId, invoice, basis, contractual, asOf, table(tenantId));
  }

  public Claim claim(
      String tenantId,
      InvoiceFacts invoice,
      InterestBasis basis,
      BigDecimal contractualRate,
      LocalDate asOf,
      RateTable table) {
    return claim(
        invoice,
        replica
            .movements(tenantId, List.of(invoice.invoiceId()))
            .getOrDefault(invoice.invoiceId(), List.of()),
        basis,
        contractualRate,
        asOf,
        table);
  }

  /** The claim on an invoice whose movements the caller read (a run reads them all at once). */
  public Claim claim(
      InvoiceFacts invoice,
      List<Movement> movements,
      InterestBasis basis,
      BigDecimal contractualRate,
      LocalDate asOf,
      RateTable table) {
    if (asOf.isBefore(invoice.issueDate())) {
      throw ProblemException.invalid(
          "asOf", "must not be before the invoice date " + invoice.issueDate());
    }
    LateInterest.Result r =
        LateInterest.compute(
            basis,
            contractualRate,
            invoice.currency(),
            invoice.total(),
            movements,
            invoice.dueDate(),
            asOf,
            table);
    return new Claim(
        invoice.invoiceId(),
        invoice.number(),
        invoice.currency(),
        invoice.dueDate(),
        asOf,
        basis,
        contractualRate,
        r.daysLate(),
        r.principal(),
        r.lines(),
        r.interest(),
        r.indemnity(),
        r.principal().add(r.interest()).add(r.indemnity()),
        r.provisional());
  }

  /** What can be claimed on an invoice as of a date. */
  public record Claim(
      String invoiceId,
      String number,
      String currency,
      LocalDate dueDate,
      LocalDate asOf,
      InterestBasis basis,
      @Schema(
              nullable = true,
              description = "The policy's contractual rate, percent a year; null when it sets none")
          BigDecimal contractualRate,
      long daysLate,
      BigDecimal principal,
      List<LateInterest.Line> lines,
      BigDecimal interest,
      BigDecimal indemnity,
      BigDecimal total,
      boolean provisionalRate) {}
}
