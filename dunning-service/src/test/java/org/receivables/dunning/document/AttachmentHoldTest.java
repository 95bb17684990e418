package org.receivables.dunning.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttachmentHoldTest {

  private static final Instant CREATED = Instant.parse("2026-12-07T07:00:00Z");
  private final AttachmentHold hold =
      new AttachmentHold(Duration.ofMinutes(2), Duration.ofSeconds(5));

  @Test
  void aReminderMissingAPdfIsLookedAtAgainAfterTheRecheck() {
    assertThat(hold.lookAgainAt(CREATED, CREATED.plusSeconds(1))).contains(CREATED.plusSeconds(6));
  }

  @Test
  void theLastLookIsAtTheEndOfTheWaitNotAfterIt() {
    assertThat(hold.lookAgainAt(CREATED, CREATED.plusSeconds(118)))
        .contains(CREATED.plusSeconds(120));
  }

  @Test
  void onceTheWaitIsOverTheReminderGoesWithoutThePdf() {
    assertThat(hold.lookAgainAt(CREATED, CREATED.plusSeconds(120))).isEmpty();
    assertThat(hold.lookAgainAt(CREATED, CREATED.plus(Duration.ofDays(3)))).isEmpty();
  }

  @Test
  void aZeroWaitNeverHolds() {
    AttachmentHold never = new AttachmentHold(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(never.lookAgainAt(CREATED, CREATED)).isEmpty();
  }

  @Test
  void anUnansweredRequestIsMadeAgainOncePerWait() {
    Instant now = CREATED.plusSeconds(600);
    assertThat(hold.askAgainIfRequestedBy(now)).isEqualTo(now.minusSeconds(120));
  }

  @Test
  void aNegativeWaitOrNoRecheckIsRefused() {
    assertThatThrownBy(() -> new AttachmentHold(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttachmentHold(Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
