package org.receivables.dunning.run;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the {@code Prefer} request header (RFC 7240): preferences separated by commas, each a token
 * with optional {@code =value} and {@code ;parameters}. Only {@code respond-async} matters here;
 * anything else a client prefers is ignored, as the RFC allows.
 */
final class Prefer {

  static final String RESPOND_ASYNC = "respond-async";

  private Prefer() {}

  /** Whether the header asks for an asynchronous answer. */
  static boolean respondAsync(String header) {
    if (header == null) {
      return false;
    }
    return Arrays.stream(header.split(","))
        .map(p -> p.split("[;=]", 2)[0].trim().toLowerCase(Locale.ROOT))
        .anyMatch(RESPOND_ASYNC::equals);
  }
}
