package org.receivables.dunning.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/** Payment plans of a tenant. */
@ApplicationScoped
public class PaymentPlanRepository extends CommitmentRepository<PaymentPlan, PlanStatus> {

  @Override
  protected PlanStatus activeStatus() {
    return PlanStatus.ACTIVE;
  }

  /** Invoices of plans (kept or completed) that waive interest and the indemnity. */
  public Set<String> feesWaived(String tenantId) {
    Set<String> out = new HashSet<>();
    list("tenantId = ?1 and waiveFees = true and status <> ?2", tenantId, PlanStatus.BROKEN)
        .forEach(p -> out.addAll(p.invoiceIds));
    return out;
  }
}
