package org.receivables.events;

/** An event lacks a field its contract requires (docs/events.md lists them per type). */
public final class MissingFieldException extends IllegalArgumentException {

  private final String field;

  public MissingFieldException(String type, String field) {
    super(type + ": " + field + " is required");
    this.field = field;
  }

  /** The name of the missing field, as in the event's JSON. */
  public String field() {
    return field;
  }
}
