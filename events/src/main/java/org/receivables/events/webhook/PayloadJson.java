package org.receivables.events.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * Writes a delivery's body once, when the event arrives: the stored text is what every attempt and
 * every replay sends and signs, byte for byte. Dates are ISO-8601 text, amounts JSON numbers with
 * their scale, absent values an explicit null.
 */
public final class PayloadJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private PayloadJson() {}

  /** {@code {"type": ..., "timestamp": ..., "data": {...}}}. */
  public static String write(String type, Instant timestamp, Payloads.Data data) {
    try {
      return MAPPER.writeValueAsString(new Payloads.Envelope(type, timestamp, data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the " + type + " payload", e);
    }
  }
}
