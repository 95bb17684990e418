package org.receivables.dunning.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a policy as the API shows it. */
@Schema(name = "Policy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(
    UUID id,
    @Schema(description = "Starts at 1; each change adds one (also the ETag)", example = "2")
        int version,
    @Schema(example = "French B2B standard") String name,
    String description,
    boolean isDefault,
    List<String> riskClasses,
    List<String> segments,
    int priority,
    int minGapDays,
    InterestBasis interestBasis,
    BigDecimal contractualRate,
    List<PolicyStep> steps,
    @Schema(description = "A retired policy no longer applies to anyone") boolean retired,
    Instant createdAt,
    String createdBy) {

  public DunningPolicy toPolicy() {
    return asVersion(version, isDefault);
  }

  /**
   * The next version of this policy, the same in all but that it is no longer the default (when it
   * is retired, or another policy becomes the default).
   */
  public DunningPolicy nextVersionNotDefault() {
    return asVersion(version + 1, false);
  }

  private DunningPolicy asVersion(int number, boolean isDefaultVersion) {
    return new DunningPolicy(
        id,
        number,
        name,
        description,
        isDefaultVersion,
        riskClasses,
        segments,
        priority,
        minGapDays,
        interestBasis,
        contractualRate,
        steps);
  }
}
