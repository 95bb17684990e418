package org.receivables.kpi.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.receivables.events.DunningEvent;
import org.receivables.events.EventJson;
import org.receivables.events.InvoicingEvent;
import org.receivables.events.ScoringEvent;

/** Each topic's handler table lists every type its producer's sealed interface permits. */
@QuarkusTest
class EventTablesTest {

  @Inject EventProjection projection;

  @Test
  void everyTypeOfEachProducerHasItsHandlerOnItsTopic() {
    assertHandlesAll(InvoicingEvent.TOPIC, InvoicingEvent.class);
    assertHandlesAll(ScoringEvent.TOPIC, ScoringEvent.class);
    assertHandlesAll(DunningEvent.TOPIC, DunningEvent.class);
  }

  @Test
  void anotherProducersTypeIsNotHandledOnATopic() {
    String scoreChanged = EventJson.typeOf(org.receivables.events.ScoreChanged.class);
    assertThat(projection.handlers(InvoicingEvent.TOPIC).handles(scoreChanged)).isFalse();
    assertThatThrownBy(() -> projection.handlers("receivables.other.v1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertHandlesAll(String topic, Class<?> sealed) {
    var types =
        Arrays.stream(sealed.getPermittedSubclasses())
            .map(c -> EventJson.typeOf(c.asSubclass(org.receivables.events.DomainEvent.class)))
            .toList();
    assertThat(types).isNotEmpty();
    assertThat(projection.handlers(topic).types()).containsExactlyInAnyOrderElementsOf(types);
  }
}
