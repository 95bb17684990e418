package org.receivables.dunning.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.receivables.events.EventJson;

/** JSON kept in text columns (id lists, instalments): the events' mapping, dates as YYYY-MM-DD. */
public final class Json {

  private static final ObjectMapper MAPPER = EventJson.mapper();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** UTF-8 bytes, for large values: no intermediate char[] twice their size. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static <T> T read(String text, TypeReference<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is unreadable", e);
    }
  }

  public static final TypeReference<java.util.List<String>> STRINGS = new TypeReference<>() {};
}
