package org.receivables.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON mapping of event data, shared by producers and consumers so that both sides agree on
 * dates ({@code YYYY-MM-DD}) and amounts (plain decimals, never floating point).
 *
 * <p>Unknown fields are ignored so that a producer may add fields without breaking older consumers.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Every type of the contract, derived from the sealed producer interfaces. */
  private static final Map<String, Class<? extends DomainEvent>> TYPES = contract();

  private static final Map<Class<?>, String> NAMES = names(TYPES);

  private EventJson() {}

  /**
   * A copy of the mapping (dates as {@code YYYY-MM-DD}, decimals never through {@code double},
   * unknown fields ignored), for JSON a service keeps in its own columns in the same shape.
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  public static String write(DomainEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Event cannot be serialised: " + event.type(), e);
    }
  }

  /**
   * Reads event data of a known type.
   *
   * @throws UnknownEventTypeException when the type is not one of this contract's
   * @throws MalformedEventException when the data does not match the type's record
   */
  public static DomainEvent read(String type, String json) {
    Class<? extends DomainEvent> target = TYPES.get(type);
    if (target == null) {
      throw new UnknownEventTypeException(type);
    }
    try {
      return MAPPER.readValue(json, target);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedEventException(type, e);
    }
  }

  /** Every event type of the contract with its record class. */
  public static Map<String, Class<? extends DomainEvent>> types() {
    return TYPES;
  }

  /** The CloudEvent type of a record class of the contract, such as {@code InvoiceIssued.TYPE}. */
  public static String typeOf(Class<? extends DomainEvent> record) {
    String type = NAMES.get(record);
    if (type == null) {
      throw new IllegalArgumentException(
          record.getName() + " is not an event record of the contract");
    }
    return type;
  }

  /** The record classes of one producer ({@code InvoicingEvent.class}, ...), or of all. */
  public static List<Class<? extends DomainEvent>> recordsOf(
      Class<? extends DomainEvent> producer) {
    return TYPES.values().stream()
        .filter(producer::isAssignableFrom)
        .sorted(Comparator.comparing(Class::getSimpleName))
        .toList();
  }

  public static boolean isKnown(String type) {
    return TYPES.containsKey(type);
  }

  private static Map<String, Class<? extends DomainEvent>> contract() {
    Map<String, Class<? extends DomainEvent>> types = new TreeMap<>();
    for (Class<?> producer : DomainEvent.class.getPermittedSubclasses()) {
      for (Class<?> record : producer.getPermittedSubclasses()) {
        try {
          types.put(
              (String) record.getField("TYPE").get(null), record.asSubclass(DomainEvent.class));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(record.getName() + " declares no public TYPE", e);
        }
      }
    }
    return Collections.unmodifiableMap(types);
  }

  private static Map<Class<?>, String> names(Map<String, Class<? extends DomainEvent>> types) {
    Map<Class<?>, String> names = new HashMap<>();
    types.forEach((type, record) -> names.put(record, type));
    return Map.copyOf(names);
  }

  /** A type this contract does not define; consumers skip types they do not handle. */
  public static final class UnknownEventTypeException extends RuntimeException {
    public UnknownEventTypeException(String type) {
      super("Unknown event type: " + type);
    }
  }

  /** Data that cannot be read as its declared type: such a record goes to the dead-letter topic. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String type, Throwable cause) {
      super("Malformed data for event type " + type + ": " + cause.getMessage(), cause);
    }
  }
}
