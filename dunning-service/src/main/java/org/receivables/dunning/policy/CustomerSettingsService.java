package org.receivables.dunning.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.Replica;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.problem.ProblemException;

/** Exemptions and policy assignments per customer; each change goes into the case timeline. */
@ApplicationScoped
public class CustomerSettingsService {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Replica replica;
  @Inject PolicyService policies;
  @Inject Timeline timeline;

  @Transactional
  public CustomerSettingsView get(String tenantId, String customerId) {
    CustomerFacts c = replica.customerOrBlank(tenantId, customerId);
    boolean known = replica.customerKnown(tenantId, customerId);
    boolean hasSettings =
        NamedRows.number(
                em.createNativeQuery(
                        "select count(*) from customer_setting where tenant_id = :t and"
                            + " customer_id = :c")
                    .setParameter("t", tenantId)
                    .setParameter("c", customerId))
            > 0;
    if (!known && !hasSettings) {
      throw ProblemException.notFound("Customer", customerId);
    }
    var effective =
        PolicySelector.select(
            policies.current(tenantId).stream().map(PolicyView::toPolicy).toList(),
            c.assignedPolicy(),
            c.segment(),
            c.riskClass());
    // a list, not a stream's findFirst: the one row's reason may be null (settings saved without
    // one)
    List<String> reasons =
        NamedRows.column(
            em.createNativeQuery(
                    "select reason from customer_setting where tenant_id = :t and customer_id = :c")
                .setParameter("t", tenantId)
                .setParameter("c", customerId),
            String.class);
    String reason = reasons.isEmpty() ? null : reasons.get(0);
    return new CustomerSettingsView(
        customerId,
        c.name(),
        c.language(),
        c.email(),
        c.phone(),
        c.segment(),
        c.riskClass(),
        c.doNotDun(),
        c.creditHold(),
        c.assignedPolicy(),
        c.exempt(),
        c.exemptUntil(),
        reason,
        effective.map(DunningPolicy::id).orElse(null),
        effective.map(DunningPolicy::name).orElse(null));
  }

  @Transactional
  public CustomerSettingsView put(
      String tenantId,
      String customerId,
      CustomerSettingsRequest r,
      String actor,
      LocalDate today) {
    if (r.policyId() != null) {
      policies.get(tenantId, r.policyId());
    }
    boolean exempt = Boolean.TRUE.equals(r.exempt());
    if (r.exemptUntil() != null && !exempt) {
      throw ProblemException.invalid("exemptUntil", "applies only when exempt is true");
    }
    if (r.exemptUntil() != null && r.exemptUntil().isBefore(today)) {
      throw ProblemException.invalid("exemptUntil", "must not be in the past");
    }
    if (!replica.customerKnown(tenantId, customerId)) {
      // settings may be made before the customer's data arrives, but only for a plausible id
      if (customerId.length() > 100) {
        throw ProblemException.invalid("customerId", "must be at most 100 characters");
      }
    }
    em.createNativeQuery(
            "insert into customer_setting (tenant_id, customer_id, policy_id, exempt, exempt_until, reason, updated_at,"
                + " updated_by) values (:t, :c, :p, :e, :u, :r, :at, :by) on conflict (tenant_id, customer_id) do update"
                + " set policy_id = excluded.policy_id, exempt = excluded.exempt, exempt_until = excluded.exempt_until,"
                + " reason = excluded.reason, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
        .setParameter("t", tenantId)
        .setParameter("c", customerId)
        .setParameter("p", r.policyId())
        .setParameter("e", exempt)
        .setParameter("u", r.exemptUntil())
        .setParameter("r", r.reason())
        .setParameter("at", Instant.now(clock))
        .setParameter("by", actor)
        .executeUpdate();
    timeline.record(
        tenantId,
        customerId,
        "SETTINGS_CHANGED",
        actor,
        (exempt
                ? "Exempted from dunning"
                    + (r.exemptUntil() == null ? "" : " until " + r.exemptUntil())
                : "Dunning enabled")
            + (r.policyId() == null ? "" : "; policy " + r.policyId() + " assigned")
            + (r.reason() == null ? "" : ": " + r.reason()),
        null,
        today);
    return get(tenantId, customerId);
  }
}
