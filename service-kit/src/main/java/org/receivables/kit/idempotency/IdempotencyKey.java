package org.receivables.kit.idempotency;

import org.receivables.kit.problem.ProblemException;

/** The {@code Idempotency-Key} header's rules: printable ASCII, 1 to 255 characters. */
public final class IdempotencyKey {

  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_LENGTH = 255;

  private IdempotencyKey() {}

  /**
   * The key to use, or null when the client sent none; a malformed key is a 400 naming the header.
   */
  public static String check(String raw) {
    if (raw == null) {
      return null;
    }
    String key = raw.strip();
    if (key.isEmpty() || key.length() > MAX_LENGTH) {
      throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw ProblemException.invalid(
            HEADER, "must be printable ASCII without spaces (a UUID is a good key)");
      }
    }
    return key;
  }
}
