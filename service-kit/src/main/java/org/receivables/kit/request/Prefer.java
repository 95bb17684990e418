package org.receivables.kit.request;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the {@code Prefer} request header (RFC 7240): preferences separated by commas, each a token
 * with optional {@code =value} and {@code ;parameters}. Only {@code respond-async} matters (dunning
 * runs, bank statement imports); anything else a client prefers is ignored, as the RFC allows.
 */
public final class Prefer {

  public static final String RESPOND_ASYNC = "respond-async";

  private Prefer() {}

  /** Whether the header asks for an asynchronous answer. */
  public static boolean respondAsync(String header) {
    if (header == null) {
      return false;
    }
    return Arrays.stream(header.split(","))
        .map(p -> p.split("[;=]", 2)[0].trim().toLowerCase(Locale.ROOT))
        .anyMatch(RESPOND_ASYNC::equals);
  }
}
