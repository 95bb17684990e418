package org.receivables.dunning.policy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.Problem.FieldError;

class PolicyRulesTest {

  /** A plain validator: the field rules are the request records' annotations. */
  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private static List<FieldError> validate(PolicyRequest r) {
    return PolicyValidator.validate(VALIDATOR, r);
  }

  private static PolicyRequest request(List<PolicyStep> steps) {
    return new PolicyRequest(
        "Key accounts", null, false, List.of("A"), List.of(), null, null, null, null, steps);
  }

  private static PolicyStep step(
      String code, int offset, List<Channel> channels, String template, StepAction... a) {
    return new PolicyStep(
        code, code.toLowerCase(), offset, channels, template, BigDecimal.ZERO, List.of(a));
  }

  @Test
  void theNextVersionNotDefaultChangesTheVersionAndTheFlagOnly() {
    DunningPolicy standard = DefaultPolicies.standard("t");
    assertThat(standard.isDefault()).isTrue();
    PolicyView stored =
        new PolicyView(
            standard.id(),
            3,
            standard.name(),
            standard.description(),
            true,
            standard.riskClasses(),
            standard.segments(),
            standard.priority(),
            standard.minGapDays(),
            standard.interestBasis(),
            standard.contractualRate(),
            standard.steps(),
            false,
            java.time.Instant.EPOCH,
            "system");

    DunningPolicy next = stored.nextVersionNotDefault();

    assertThat(next.isDefault()).isFalse();
    assertThat(next.version()).isEqualTo(4);
    assertThat(next)
        .usingRecursiveComparison()
        .ignoringFields("version", "isDefault")
        .isEqualTo(standard);
    assertThat(stored.toPolicy().version()).isEqualTo(3);
    assertThat(stored.toPolicy().isDefault()).isTrue();
  }

  @Test
  void theDefaultLaddersAreValid() {
    for (DunningPolicy p : DefaultPolicies.forTenant("t")) {
      PolicyRequest r =
          new PolicyRequest(
              p.name(),
              p.description(),
              p.isDefault(),
              p.riskClasses(),
              p.segments(),
              p.priority(),
              p.minGapDays(),
              p.interestBasis(),
              p.contractualRate(),
              p.steps());
      assertThat(validate(r)).as(p.name()).isEmpty();
    }
    DunningPolicy standard = DefaultPolicies.standard("t");
    assertThat(standard.steps())
        .extracting(PolicyStep::offsetDays)
        .containsExactly(-5, 1, 10, 20, 30, 45, 60);
    assertThat(standard.steps().get(2).channels()).containsExactly(Channel.EMAIL, Channel.SMS);
    assertThat(DefaultPolicies.idFor("t", "x"))
        .isEqualTo(DefaultPolicies.idFor("t", "x"))
        .isNotEqualTo(DefaultPolicies.idFor("u", "x"));
  }

  @Test
  void badLaddersAreRejectedFieldByField() {
    List<FieldError> errors =
        validate(
            request(
                List.of(
                    step("FIRST", 5, List.of(Channel.EMAIL), "friendly", StepAction.SEND),
                    step("FIRST", 3, List.of(), "nope", StepAction.SEND),
                    step("HANDOVER", 40, List.of(), null, StepAction.AGENCY))));
    assertThat(errors)
        .extracting(FieldError::field)
        .contains(
            "steps[1].code",
            "steps[1].offsetDays",
            "steps[1].channels",
            "steps[1].template",
            "steps[2].actions");
    assertThat(validate(request(List.of()))).extracting(FieldError::field).containsExactly("steps");
    assertThat(
            validate(
                new PolicyRequest(
                    " ",
                    null,
                    null,
                    List.of("F"),
                    null,
                    null,
                    null,
                    InterestBasis.CONTRACTUAL,
                    null,
                    List.of(step("A", 1, List.of(Channel.EMAIL), "friendly", StepAction.SEND)))))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("name", "riskClasses[0]", "contractualRate");
  }

  @Test
  void assignmentBeatsSegmentBeatsRiskClassBeatsDefault() {
    DunningPolicy standard = DefaultPolicies.standard("t");
    DunningPolicy gentle = DefaultPolicies.gentle("t");
    DunningPolicy fast = DefaultPolicies.fast("t");
    DunningPolicy key =
        new DunningPolicy(
            UUID.randomUUID(),
            1,
            "Key",
            null,
            false,
            List.of(),
            List.of("KEY"),
            10,
            5,
            InterestBasis.FR_LEGAL,
            null,
            standard.steps());
    List<DunningPolicy> all = List.of(standard, gentle, fast, key);
    assertThat(PolicySelector.select(all, null, null, null)).contains(standard);
    assertThat(PolicySelector.select(all, null, null, "B")).contains(gentle);
    assertThat(PolicySelector.select(all, null, null, "E")).contains(fast);
    assertThat(PolicySelector.select(all, null, "key", "E")).contains(key);
    assertThat(PolicySelector.select(all, fast.id(), "KEY", "A")).contains(fast);
    assertThat(PolicySelector.select(all, UUID.randomUUID(), null, "A")).contains(gentle);
  }
}
