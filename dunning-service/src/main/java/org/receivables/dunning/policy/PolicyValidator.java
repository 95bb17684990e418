package org.receivables.dunning.policy;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.receivables.dunning.common.Violations;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * The rules a ladder must follow before it can send anything, beyond each field's own (Bean
 * Validation on {@link PolicyRequest} and {@link PolicyStep}): codes unique, offsets strictly
 * increasing, a message step names a known template and a channel, nothing past a formal notice
 * comes before it. Both are answered together, so that one 400 names every faulty field.
 */
public final class PolicyValidator {

  public static final Set<String> TEMPLATES =
      Set.of("courtesy", "friendly", "second", "formal-notice");

  private PolicyValidator() {}

  /** Every faulty field of the request: its field rules first (by field), then the ladder's. */
  public static List<FieldError> validate(Validator validator, PolicyRequest r) {
    List<FieldError> errors = new ArrayList<>(Violations.of(validator, r));
    if (r.interestBasis() == InterestBasis.CONTRACTUAL && r.contractualRate() == null) {
      errors.add(
          new FieldError("contractualRate", "is required when interestBasis is CONTRACTUAL"));
    }
    if (r.contractualRate() != null && r.interestBasis() != InterestBasis.CONTRACTUAL) {
      errors.add(
          new FieldError("contractualRate", "applies only when interestBasis is CONTRACTUAL"));
    }
    if (r.steps() != null) {
      ladder(r.steps(), errors);
    }
    return errors;
  }

  private static void ladder(List<PolicyStep> steps, List<FieldError> errors) {
    Set<String> codes = new HashSet<>();
    Integer previousOffset = null;
    int formalNotice = -1;
    for (int i = 0; i < steps.size(); i++) {
      String at = "steps[" + i + "]";
      PolicyStep s = steps.get(i);
      if (s == null) {
        continue; // a field rule names it
      }
      if (s.code() != null && s.code().matches(PolicyStep.CODE) && !codes.add(s.code())) {
        errors.add(new FieldError(at + ".code", "is used by another step"));
      }
      if (previousOffset != null && s.offsetDays() <= previousOffset) {
        errors.add(
            new FieldError(
                at + ".offsetDays",
                "must be greater than the previous step's (" + previousOffset + ")"));
      }
      previousOffset = s.offsetDays();
      if (s.actions() == null
          || s.actions().isEmpty()
          || s.actions().stream().anyMatch(Objects::isNull)) {
        errors.add(new FieldError(at + ".actions", "must list at least one action"));
        continue;
      }
      channelsAndTemplate(at, s, errors);
      if (s.has(StepAction.FORMAL_NOTICE)) {
        if (formalNotice >= 0) {
          errors.add(new FieldError(at + ".actions", "only one step may be the formal notice"));
        }
        formalNotice = i;
      }
      if ((s.has(StepAction.AGENCY) || s.has(StepAction.LEGAL)) && formalNotice < 0) {
        errors.add(
            new FieldError(
                at + ".actions",
                "an agency or legal hand-over must come after a FORMAL_NOTICE step"));
      }
    }
  }

  /** A message step needs its channels and template; any other step has no channel. */
  private static void channelsAndTemplate(String at, PolicyStep s, List<FieldError> errors) {
    if (!s.sends()) {
      if (s.channels() != null && !s.channels().isEmpty()) {
        errors.add(
            new FieldError(at + ".channels", "apply only to steps with SEND or FORMAL_NOTICE"));
      }
      return;
    }
    if (s.channels() == null
        || s.channels().isEmpty()
        || s.channels().stream().anyMatch(Objects::isNull)) {
      errors.add(
          new FieldError(at + ".channels", "must list at least one channel for a message step"));
    } else if (Set.copyOf(s.channels()).size() != s.channels().size()) {
      errors.add(new FieldError(at + ".channels", "must not repeat a channel"));
    }
    if (s.template() == null || !TEMPLATES.contains(s.template())) {
      errors.add(
          new FieldError(
              at + ".template", "must be one of " + TEMPLATES.stream().sorted().toList()));
    }
    if (s.has(StepAction.FORMAL_NOTICE) && !"formal-notice".equals(s.template())) {
      errors.add(
          new FieldError(at + ".template", "must be formal-notice for a FORMAL_NOTICE step"));
    }
  }
}
