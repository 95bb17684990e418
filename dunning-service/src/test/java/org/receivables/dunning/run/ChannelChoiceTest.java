package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.policy.StepAction;
import org.receivables.dunning.replica.CustomerFacts;

/** Which channels of a step reach a customer, and the note left for each one dropped. */
class ChannelChoiceTest {

  private static PolicyStep step(List<Channel> channels, StepAction... actions) {
    return new PolicyStep(
        "SECOND", "Second", 10, channels, "second", BigDecimal.ZERO, List.of(actions));
  }

  private static CustomerFacts customer(String email, String phone) {
    return new CustomerFacts(
        "c", "Name", "fr", email, phone, null, "C", null, false, false, false, null, null);
  }

  @Test
  void mailAndSmsReachACustomerWithBothWhenSmsIsEnabled() {
    List<String> notes = new ArrayList<>();
    assertThat(
            ChannelChoice.choose(
                step(List.of(Channel.EMAIL, Channel.SMS), StepAction.SEND),
                customer("a@b.c", "+33600000000"),
                true,
                notes))
        .containsExactly(Channel.EMAIL, Channel.SMS);
    assertThat(notes).isEmpty();
  }

  @Test
  void noAddressTurnsTheMailIntoALetterAndSaysSo() {
    List<String> notes = new ArrayList<>();
    assertThat(
            ChannelChoice.choose(
                step(List.of(Channel.EMAIL, Channel.SMS), StepAction.SEND),
                customer(" ", null),
                false,
                notes))
        .containsExactly(Channel.LETTER);
    assertThat(notes).containsExactly("no e-mail address: sent as a letter", "SMS disabled");
  }

  @Test
  void aLetterIsNeverSentTwiceAndAStepWithoutMessageReachesNoOne() {
    List<String> notes = new ArrayList<>();
    assertThat(
            ChannelChoice.choose(
                step(List.of(Channel.EMAIL, Channel.LETTER), StepAction.FORMAL_NOTICE),
                customer(null, "+33600000000"),
                true,
                notes))
        .containsExactly(Channel.LETTER);
    assertThat(notes).containsExactly("no e-mail address");
    assertThat(
            ChannelChoice.choose(
                step(List.of(Channel.EMAIL), StepAction.CALL_TASK),
                customer("a@b.c", null),
                true,
                new ArrayList<>()))
        .isEmpty();
  }

  @Test
  void smsNeedsANumber() {
    List<String> notes = new ArrayList<>();
    assertThat(
            ChannelChoice.choose(
                step(List.of(Channel.SMS), StepAction.SEND), customer("a@b.c", ""), true, notes))
        .isEmpty();
    assertThat(notes).containsExactly("no phone number for SMS");
  }
}
