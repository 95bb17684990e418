package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kit.money.Money;

/** The customers contributing most to what is overdue, hence to the gap to best possible DSO. */
@ApplicationScoped
public class CustomerRanking {

  @Inject ProjectionReader reader;

  public List<CustomerOverdue> topOverdue(KpiSummary tenantSummary, Scope scope, int limit) {
    LocalDate asOf = tenantSummary.asOf();
    List<Object[]> rows = reader.topOverdue(scope, asOf, limit);
    List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
    Map<UUID, String> names = reader.customerNames(scope.tenantId(), ids);
    List<CustomerOverdue> out = new ArrayList<>();
    for (Object[] r : rows) {
      BigDecimal overdue = (BigDecimal) r[2];
      BigDecimal share =
          tenantSummary.overdue().signum() > 0
              ? overdue
                  .multiply(BigDecimal.valueOf(100))
                  .divide(tenantSummary.overdue(), 1, RoundingMode.HALF_UP)
              : null;
      BigDecimal days =
          tenantSummary.netSales().signum() > 0
              ? overdue
                  .multiply(BigDecimal.valueOf(tenantSummary.periodDays()))
                  .divide(tenantSummary.netSales(), 1, RoundingMode.HALF_UP)
              : null;
      out.add(
          new CustomerOverdue(
              (UUID) r[0],
              names.get((UUID) r[0]),
              Money.round((BigDecimal) r[1], scope.currency()),
              Money.round(overdue, scope.currency()),
              r[3] == null ? null : ((Number) r[3]).intValue(),
              share,
              days));
    }
    return out;
  }
}
