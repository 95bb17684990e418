package org.receivables.dunning.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * The rules a ladder must follow before it can send anything: codes unique, offsets strictly
 * increasing, a message step names a known template and a channel, nothing past a formal notice
 * comes before it.
 */
public final class PolicyValidator {

  public static final Set<String> TEMPLATES =
      Set.of("courtesy", "friendly", "second", "formal-notice");
  public static final Set<String> RISK_CLASSES = Set.of("A", "B", "C", "D", "E");
  static final int MIN_OFFSET = -90;
  static final int MAX_OFFSET = 730;

  private PolicyValidator() {}

  public static List<FieldError> validate(PolicyRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.name() == null || r.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (r.name().length() > 200) {
      errors.add(new FieldError("name", "must be at most 200 characters"));
    }
    if (r.riskClasses() != null) {
      for (int i = 0; i < r.riskClasses().size(); i++) {
        String c = r.riskClasses().get(i);
        if (c == null || !RISK_CLASSES.contains(c)) {
          errors.add(new FieldError("riskClasses[" + i + "]", "must be one of A, B, C, D, E"));
        }
      }
    }
    if (r.segments() != null) {
      for (int i = 0; i < r.segments().size(); i++) {
        if (r.segments().get(i) == null || r.segments().get(i).isBlank()) {
          errors.add(new FieldError("segments[" + i + "]", "must not be blank"));
        }
      }
    }
    if (r.priority() != null && (r.priority() < 0 || r.priority() > 10_000)) {
      errors.add(new FieldError("priority", "must be between 0 and 10000"));
    }
    if (r.minGapDays() != null && (r.minGapDays() < 0 || r.minGapDays() > 90)) {
      errors.add(new FieldError("minGapDays", "must be between 0 and 90"));
    }
    if (r.interestBasis() == InterestBasis.CONTRACTUAL) {
      if (r.contractualRate() == null) {
        errors.add(
            new FieldError("contractualRate", "is required when interestBasis is CONTRACTUAL"));
      }
    }
    if (r.contractualRate() != null
        && (r.contractualRate().signum() < 0
            || r.contractualRate().compareTo(new BigDecimal("100")) > 0)) {
      errors.add(new FieldError("contractualRate", "must be between 0 and 100 (percent per year)"));
    }
    if (r.contractualRate() != null && r.interestBasis() != InterestBasis.CONTRACTUAL) {
      errors.add(
          new FieldError("contractualRate", "applies only when interestBasis is CONTRACTUAL"));
    }
    validateSteps(r.steps(), errors);
    return errors;
  }

  private static void validateSteps(List<PolicyStep> steps, List<FieldError> errors) {
    if (steps == null || steps.isEmpty()) {
      errors.add(new FieldError("steps", "must list at least one step"));
      return;
    }
    if (steps.size() > 20) {
      errors.add(new FieldError("steps", "must list at most 20 steps"));
    }
    Set<String> codes = new HashSet<>();
    Integer previousOffset = null;
    int formalNotice = -1;
    for (int i = 0; i < steps.size(); i++) {
      String at = "steps[" + i + "]";
      PolicyStep s = steps.get(i);
      if (s == null) {
        errors.add(new FieldError(at, "must not be null"));
        continue;
      }
      if (s.code() == null || !s.code().matches("[A-Z][A-Z0-9_]{0,39}")) {
        errors.add(
            new FieldError(at + ".code", "must be 1-40 of A-Z, 0-9 and _, starting with a letter"));
      } else if (!codes.add(s.code())) {
        errors.add(new FieldError(at + ".code", "is used by another step"));
      }
      if (s.name() == null || s.name().isBlank()) {
        errors.add(new FieldError(at + ".name", "is required"));
      }
      if (s.offsetDays() < MIN_OFFSET || s.offsetDays() > MAX_OFFSET) {
        errors.add(
            new FieldError(
                at + ".offsetDays", "must be between " + MIN_OFFSET + " and " + MAX_OFFSET));
      }
      if (previousOffset != null && s.offsetDays() <= previousOffset) {
        errors.add(
            new FieldError(
                at + ".offsetDays",
                "must be greater than the previous step's (" + previousOffset + ")"));
      }
      previousOffset = s.offsetDays();
      if (s.minimumAmount() != null && s.minimumAmount().signum() < 0) {
        errors.add(new FieldError(at + ".minimumAmount", "must not be negative"));
      }
      if (s.actions() == null
          || s.actions().isEmpty()
          || s.actions().stream().anyMatch(java.util.Objects::isNull)) {
        errors.add(new FieldError(at + ".actions", "must list at least one action"));
        continue;
      }
      if (s.sends()) {
        if (s.channels() == null
            || s.channels().isEmpty()
            || s.channels().stream().anyMatch(java.util.Objects::isNull)) {
          errors.add(
              new FieldError(
                  at + ".channels", "must list at least one channel for a message step"));
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
      } else if (s.channels() != null && !s.channels().isEmpty()) {
        errors.add(
            new FieldError(at + ".channels", "apply only to steps with SEND or FORMAL_NOTICE"));
      }
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
}
