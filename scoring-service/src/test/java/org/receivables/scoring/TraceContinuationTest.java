package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.ScoreChanged;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * A consumer that applies a batch of records in one transaction still publishes what each record
 * caused in that record's trace: the score a registration causes is published with the
 * registration's trace id.
 */
@QuarkusTest
class TraceContinuationTest {

  private static String hex(int length) {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
  }

  @Test
  void theScoreAnEventCausesIsPublishedInThatEventsTrace() {
    String tenant = TestTokens.freshTenant();
    String[] customers = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
    String[] traces = {hex(32), hex(32)};
    // two registrations back to back, so that they are likely read in one batch
    for (int i = 0; i < 2; i++) {
      KafkaWriter.publish(
          Topics.INVOICING,
          UUID.randomUUID().toString(),
          new CustomerRegistered(
              tenant,
              customers[i],
              "C-" + customers[i],
              "Quincaillerie Roux",
              "FR",
              "EUR",
              "fr",
              null,
              null,
              null,
              new PaymentTermsData(30, "NONE")),
          Map.of("traceparent", "00-" + traces[i] + "-" + hex(16) + "-01"));
    }
    for (int i = 0; i < 2; i++) {
      String customer = customers[i];
      KafkaReader.Received score =
          KafkaReader.await(
              Topics.SCORING,
              r ->
                  customer.equals(r.headers().get("ce_subject"))
                      && ScoreChanged.TYPE.equals(r.headers().get("ce_type")),
              Duration.ofSeconds(30));
      assertThat(score.headers().get("traceparent"))
          .as("trace of the score of customer %d", i)
          .startsWith("00-" + traces[i] + "-");
    }
  }
}
