package org.receivables.dunning.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A stored rung of a policy version's ladder (a row of {@code dunning_policy_step}); {@link
 * PolicyStep} is the same rung as the API and the run see it. Channels and actions are enum names;
 * a null channel list stays null (a step that sends nothing may omit it).
 */
@Embeddable
public class LadderStep {

  public String code;

  public String name;

  @Column(name = "offset_days")
  public int offsetDays;

  public String[] channels;

  public String template;

  @Column(name = "minimum_amount")
  public BigDecimal minimumAmount;

  public String[] actions;

  static LadderStep of(PolicyStep s) {
    LadderStep row = new LadderStep();
    row.code = s.code();
    row.name = s.name();
    row.offsetDays = s.offsetDays();
    row.channels = s.channels() == null ? null : names(s.channels());
    row.template = s.template();
    row.minimumAmount = s.minimumAmount();
    row.actions = s.actions() == null ? null : names(s.actions());
    return row;
  }

  PolicyStep step() {
    return new PolicyStep(
        code,
        name,
        offsetDays,
        channels == null ? null : Arrays.stream(channels).map(Channel::valueOf).toList(),
        template,
        minimumAmount,
        actions == null ? null : Arrays.stream(actions).map(StepAction::valueOf).toList());
  }

  private static String[] names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toArray(String[]::new);
  }
}
