package org.receivables.dunning.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One version of a tenant's dunning policy: the ladder and who it applies to. Versions are
 * immutable; a change creates the next version, and every reminder records the version it followed.
 */
public record DunningPolicy(
    UUID id,
    int version,
    String name,
    String description,
    boolean isDefault,
    List<String> riskClasses,
    List<String> segments,
    int priority,
    int minGapDays,
    InterestBasis interestBasis,
    BigDecimal contractualRate,
    List<PolicyStep> steps) {

  public int indexOf(String stepCode) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).code().equals(stepCode)) {
        return i;
      }
    }
    return -1;
  }
}
