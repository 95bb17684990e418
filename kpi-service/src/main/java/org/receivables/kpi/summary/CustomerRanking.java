package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kit.money.Money;
import org.receivables.kpi.formula.CustomerContribution;
import org.receivables.kpi.summary.OpenItemRepository.OverdueCustomer;

/**
 * The customers contributing most to what is overdue, hence to the gap to best possible DSO, each
 * with its contribution ({@link CustomerContribution}).
 */
@ApplicationScoped
public class CustomerRanking {

  @Inject OpenItemRepository openItems;
  @Inject CustomerFactsRepository customers;

  public List<CustomerOverdue> topOverdue(KpiSummary tenantSummary, Scope scope, int limit) {
    List<OverdueCustomer> rows = openItems.topOverdue(scope, tenantSummary.asOf(), limit);
    Map<UUID, String> names =
        customers.customerNames(
            scope.tenantId(), rows.stream().map(OverdueCustomer::customerId).toList());
    List<CustomerOverdue> out = new ArrayList<>();
    for (OverdueCustomer r : rows) {
      out.add(
          new CustomerOverdue(
              r.customerId(),
              names.get(r.customerId()),
              Money.round(r.outstanding(), scope.currency()),
              Money.round(r.overdue(), scope.currency()),
              r.oldestDays(),
              CustomerContribution.shareOfOverdue(r.overdue(), tenantSummary.overdue()),
              CustomerContribution.daysDelinquent(
                  r.overdue(), tenantSummary.netSales(), tenantSummary.periodDays())));
    }
    return out;
  }
}
