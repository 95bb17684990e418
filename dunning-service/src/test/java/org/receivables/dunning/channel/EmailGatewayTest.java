package org.receivables.dunning.channel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailGatewayTest {

  @Test
  void aServerThatNeverAnswersFailsTheAttemptInsteadOfHoldingTheRun() {
    assertThatThrownBy(
            () -> EmailGateway.awaitAccepted(Uni.createFrom().nothing(), Duration.ofMillis(50)))
        .isInstanceOf(SendFailedException.class)
        .hasMessageContaining("did not answer within");
  }

  @Test
  void aRefusalIsAFailedAttemptWithTheServersReason() {
    assertThatThrownBy(
            () ->
                EmailGateway.awaitAccepted(
                    Uni.createFrom().failure(new IllegalStateException("550 mailbox unavailable")),
                    Duration.ofSeconds(1)))
        .isInstanceOf(SendFailedException.class)
        .hasMessageContaining("550 mailbox unavailable");
  }

  @Test
  void anAcceptedMessageIsSent() {
    assertThatCode(
            () -> EmailGateway.awaitAccepted(Uni.createFrom().voidItem(), Duration.ofSeconds(1)))
        .doesNotThrowAnyException();
  }
}
