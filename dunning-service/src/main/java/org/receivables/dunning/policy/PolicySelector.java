package org.receivables.dunning.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which policy applies to a customer: an explicit assignment first, then a policy for the
 * customer's segment, then one for its risk class, then the tenant's default. Among several matches
 * the lowest priority number wins, then the oldest name alphabetically, so the choice is stable.
 */
public final class PolicySelector {

  private PolicySelector() {}

  public static Optional<DunningPolicy> select(
      List<DunningPolicy> policies, UUID assigned, String segment, String riskClass) {
    if (policies.isEmpty()) {
      return Optional.empty();
    }
    Comparator<DunningPolicy> order =
        Comparator.comparingInt(DunningPolicy::priority).thenComparing(DunningPolicy::name);
    if (assigned != null) {
      Optional<DunningPolicy> chosen =
          policies.stream().filter(p -> p.id().equals(assigned)).findFirst();
      if (chosen.isPresent()) {
        return chosen;
      }
    }
    if (segment != null && !segment.isBlank()) {
      Optional<DunningPolicy> bySegment =
          policies.stream()
              .filter(p -> p.segments().stream().anyMatch(s -> s.equalsIgnoreCase(segment)))
              .min(order);
      if (bySegment.isPresent()) {
        return bySegment;
      }
    }
    if (riskClass != null && !riskClass.isBlank()) {
      Optional<DunningPolicy> byRisk =
          policies.stream()
              .filter(p -> p.riskClasses().stream().anyMatch(r -> r.equalsIgnoreCase(riskClass)))
              .min(order);
      if (byRisk.isPresent()) {
        return byRisk;
      }
    }
    return policies.stream()
        .filter(DunningPolicy::isDefault)
        .min(order)
        .or(() -> policies.stream().min(order));
  }
}
