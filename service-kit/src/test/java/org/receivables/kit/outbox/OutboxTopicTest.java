package org.receivables.kit.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.Topics;

class OutboxTopicTest {

  private final CreditHoldChanged hold =
      new CreditHoldChanged("acme", "c-1", true, "Score E", "scoring", Instant.EPOCH);

  @Test
  void anEventGoesOnlyOnItsProducersTopic() {
    assertThatCode(() -> Outbox.requireOwnTopic(Topics.SCORING, hold)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Outbox.requireOwnTopic(Topics.INVOICING, hold))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "receivables.credit-hold.changed.v1 belongs on receivables.scoring.v1, not on"
                + " receivables.invoicing.v1");
  }
}
