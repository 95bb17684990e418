package org.receivables.dunning.policy;

import static org.receivables.dunning.policy.Channel.EMAIL;
import static org.receivables.dunning.policy.Channel.LETTER;
import static org.receivables.dunning.policy.Channel.SMS;
import static org.receivables.dunning.policy.StepAction.AGENCY;
import static org.receivables.dunning.policy.StepAction.CALL_TASK;
import static org.receivables.dunning.policy.StepAction.CREDIT_HOLD;
import static org.receivables.dunning.policy.StepAction.FORMAL_NOTICE;
import static org.receivables.dunning.policy.StepAction.SEND;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The ladders every tenant starts with, seeded as ordinary version-1 policies the tenant may edit:
 * the French B2B standard for everyone, a gentler one for risk classes A and B, a faster one for D
 * and E. Step codes are shared, so a customer who changes class keeps its history.
 */
public final class DefaultPolicies {

  public static final String STANDARD = "French B2B standard";
  public static final String GENTLE = "French B2B gentle (risk A/B)";
  public static final String FAST = "French B2B fast (risk D/E)";

  private DefaultPolicies() {}

  /** Deterministic ids, so that seeding twice (or on two replicas) inserts once. */
  public static UUID idFor(String tenantId, String name) {
    return UUID.nameUUIDFromBytes(
        ("dunning-default\n" + tenantId + "\n" + name).getBytes(StandardCharsets.UTF_8));
  }

  public static List<DunningPolicy> forTenant(String tenantId) {
    return List.of(standard(tenantId), gentle(tenantId), fast(tenantId));
  }

  public static DunningPolicy standard(String tenantId) {
    return new DunningPolicy(
        idFor(tenantId, STANDARD),
        1,
        STANDARD,
        "Courtesy reminder 5 days before the due date, friendly reminder the day after, second"
            + " reminder with SMS at 10 days, call at 20, formal notice with late-payment interest"
            + " and the 40 EUR indemnity at 30, credit hold at 45, agency at 60.",
        true,
        List.of("C"),
        List.of(),
        100,
        5,
        InterestBasis.FR_LEGAL,
        null,
        ladder(-5, 1, 10, 20, 30, 45, 60));
  }

  public static DunningPolicy gentle(String tenantId) {
    return new DunningPolicy(
        idFor(tenantId, GENTLE),
        1,
        GENTLE,
        "For customers who pay well (risk A/B): later, softer steps.",
        false,
        List.of("A", "B"),
        List.of(),
        100,
        7,
        InterestBasis.FR_LEGAL,
        null,
        ladder(-5, 5, 15, 30, 45, 60, 90));
  }

  public static DunningPolicy fast(String tenantId) {
    return new DunningPolicy(
        idFor(tenantId, FAST),
        1,
        FAST,
        "For risky customers (risk D/E): earlier escalation.",
        false,
        List.of("D", "E"),
        List.of(),
        100,
        3,
        InterestBasis.FR_LEGAL,
        null,
        ladder(-7, 1, 7, 12, 20, 25, 45));
  }

  private static List<PolicyStep> ladder(
      int courtesy, int friendly, int second, int call, int notice, int hold, int agency) {
    BigDecimal none = BigDecimal.ZERO;
    return List.of(
        new PolicyStep(
            "COURTESY",
            "Courtesy reminder",
            courtesy,
            List.of(EMAIL),
            "courtesy",
            none,
            List.of(SEND)),
        new PolicyStep(
            "FRIENDLY",
            "Friendly reminder",
            friendly,
            List.of(EMAIL),
            "friendly",
            new BigDecimal("15.00"),
            List.of(SEND)),
        new PolicyStep(
            "SECOND",
            "Second reminder",
            second,
            List.of(EMAIL, SMS),
            "second",
            new BigDecimal("15.00"),
            List.of(SEND)),
        new PolicyStep(
            "CALL",
            "Collector call",
            call,
            List.of(),
            null,
            new BigDecimal("50.00"),
            List.of(CALL_TASK)),
        new PolicyStep(
            "FORMAL_NOTICE",
            "Formal notice (mise en demeure)",
            notice,
            List.of(LETTER, EMAIL),
            "formal-notice",
            new BigDecimal("50.00"),
            List.of(FORMAL_NOTICE)),
        new PolicyStep(
            "CREDIT_HOLD",
            "Credit hold",
            hold,
            List.of(),
            null,
            new BigDecimal("50.00"),
            List.of(CREDIT_HOLD)),
        new PolicyStep(
            "AGENCY",
            "Hand-over to collection agency",
            agency,
            List.of(),
            null,
            new BigDecimal("150.00"),
            List.of(AGENCY)));
  }
}
