package org.receivables.events.webhook;

import org.receivables.events.MissingFieldException;

/**
 * The check of the fields a webhook payload always carries, run by each payload record's
 * constructor: a mapping that would send null where the schema promises a value fails where it is
 * written instead of at the receiver. The AsyncAPI generator reads the same check to know which
 * fields are never null.
 */
final class Present {

  private Present() {}

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
