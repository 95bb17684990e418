package org.receivables.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.EventJson;

/** A record's key must name the tenant its data belongs to, or the record is never applied. */
class IncomingEventTest {

  private static final CreditHoldChanged HOLD =
      new CreditHoldChanged("acme", "c-1", true, "late", "scoring", Instant.EPOCH);

  private static ConsumerRecord<String, String> record(String key) {
    ConsumerRecord<String, String> r =
        new ConsumerRecord<>("receivables.scoring.v1", 0, 0, key, EventJson.write(HOLD));
    r.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
    r.headers().add("ce_type", HOLD.type().getBytes(StandardCharsets.UTF_8));
    return r;
  }

  @Test
  void aRecordKeyedForItsOwnTenantIsRead() {
    assertThat(IncomingEvent.from(record("acme:c-1")).read()).isEqualTo(HOLD);
  }

  @Test
  void aRecordKeyedForAnotherTenantIsRefusedWithTheReason() {
    IncomingEvent event = IncomingEvent.from(record("globex:c-1"));
    assertThatThrownBy(event::read)
        .isInstanceOf(IncomingEvent.TenantMismatchException.class)
        .hasMessageContaining("globex:c-1")
        .hasMessageContaining("'acme'");
  }

  @Test
  void aKeyThatOnlyBeginsLikeTheTenantIsAnotherTenants() {
    assertThatThrownBy(() -> IncomingEvent.from(record("acme-2:c-1")).read())
        .isInstanceOf(IncomingEvent.TenantMismatchException.class);
  }

  @Test
  void aRecordWithoutAKeyCannotBeProcessed() {
    assertThatThrownBy(() -> IncomingEvent.from(record(null)))
        .isInstanceOf(EventJson.MalformedEventException.class)
        .hasMessageContaining("key");
  }
}
