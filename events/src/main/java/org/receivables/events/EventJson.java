package org.receivables.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

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

  private static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.ofEntries(
          Map.entry(CustomerRegistered.TYPE, CustomerRegistered.class),
          Map.entry(InvoiceIssued.TYPE, InvoiceIssued.class),
          Map.entry(CustomerUpdated.TYPE, CustomerUpdated.class),
          Map.entry(CustomerPersonalDataErased.TYPE, CustomerPersonalDataErased.class),
          Map.entry(InvoiceCancelled.TYPE, InvoiceCancelled.class),
          Map.entry(InvoiceWrittenOff.TYPE, InvoiceWrittenOff.class),
          Map.entry(InvoiceDueDateChanged.TYPE, InvoiceDueDateChanged.class),
          Map.entry(PaymentReceived.TYPE, PaymentReceived.class),
          Map.entry(PaymentReversed.TYPE, PaymentReversed.class),
          Map.entry(CreditNoteIssued.TYPE, CreditNoteIssued.class),
          Map.entry(DisputeOpened.TYPE, DisputeOpened.class),
          Map.entry(DisputeResolved.TYPE, DisputeResolved.class),
          Map.entry(ScoreChanged.TYPE, ScoreChanged.class),
          Map.entry(CreditHoldChanged.TYPE, CreditHoldChanged.class),
          Map.entry(ReminderSent.TYPE, ReminderSent.class),
          Map.entry(DunningEscalated.TYPE, DunningEscalated.class),
          Map.entry(CreditHoldRequested.TYPE, CreditHoldRequested.class),
          Map.entry(PromiseMade.TYPE, PromiseMade.class),
          Map.entry(PromiseKept.TYPE, PromiseKept.class),
          Map.entry(PromiseBroken.TYPE, PromiseBroken.class),
          Map.entry(PaymentPlanAgreed.TYPE, PaymentPlanAgreed.class),
          Map.entry(PaymentPlanBroken.TYPE, PaymentPlanBroken.class),
          Map.entry(PaymentPlanCompleted.TYPE, PaymentPlanCompleted.class));

  private EventJson() {}

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

  public static boolean isKnown(String type) {
    return TYPES.containsKey(type);
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
