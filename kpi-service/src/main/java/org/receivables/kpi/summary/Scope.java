package org.receivables.kpi.summary;

import jakarta.persistence.Query;
import java.util.UUID;

/**
 * Whose figures: one tenant and currency, optionally narrowed to one customer or one segment. It
 * writes the matching SQL condition for a table alias, so every query filters the same way. The
 * whole tenant and a segment read aggregates kept by the projection ({@link #readsAggregates}); one
 * customer reads its invoices.
 */
public record Scope(String tenantId, String currency, UUID customerId, String segment) {

  public static Scope tenant(String tenantId, String currency) {
    return new Scope(tenantId, currency, null, null);
  }

  /**
   * The whole tenant or one segment: figures come from the aggregates kept per tenant or segment.
   */
  public boolean readsAggregates() {
    return customerId == null;
  }

  /**
   * The aggregate table of this scope: the tenant's ({@code kpi_due_total}, say) or, for a segment,
   * its per-segment twin ({@code kpi_segment_due_total}).
   */
  public String aggregate(String tenantTable, String segmentTable) {
    return segment == null ? tenantTable : segmentTable;
  }

  /** {@code and ...} narrowing rows of an aggregate table {@code alias} to the segment, if any. */
  public String aggregateFilter(String alias) {
    return segment == null ? "" : " and " + alias + ".segment = :scopeSegment";
  }

  /** {@code and ...} narrowing rows of {@code alias} (which has tenant_id and customer_id). */
  public String filter(String alias) {
    StringBuilder sql = new StringBuilder();
    if (customerId != null) {
      sql.append(" and ").append(alias).append(".customer_id = :scopeCustomer");
    }
    if (segment != null) {
      sql.append(" and exists (select 1 from kpi_customer sc where sc.tenant_id = ")
          .append(alias)
          .append(".tenant_id and sc.customer_id = ")
          .append(alias)
          .append(".customer_id and sc.segment = :scopeSegment)");
    }
    return sql.toString();
  }

  /** Binds tenant, currency and the narrowing parameters that {@link #filter} used. */
  public Query bind(Query query) {
    query.setParameter("tenant", tenantId);
    query.setParameter("currency", currency);
    if (customerId != null) {
      query.setParameter("scopeCustomer", customerId);
    }
    if (segment != null) {
      query.setParameter("scopeSegment", segment);
    }
    return query;
  }
}
