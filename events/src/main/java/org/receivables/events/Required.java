package org.receivables.events;

/**
 * The one check of required event fields, run by each record's constructor: on the producer side an
 * incomplete event cannot be recorded, on the consumer side it cannot be read (it is then malformed
 * and goes to the dead-letter topic) instead of failing deep inside a handler.
 */
final class Required {

  private Required() {}

  /**
   * Checks name/value pairs.
   *
   * @throws MissingFieldException naming the first field that is null or blank
   */
  static void fields(String type, Object... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value == null || (value instanceof String s && s.isBlank())) {
        throw new MissingFieldException(type, (String) namesAndValues[i]);
      }
    }
  }
}
