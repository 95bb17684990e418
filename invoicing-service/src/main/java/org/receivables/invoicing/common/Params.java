package org.receivables.invoicing.common;

import org.receivables.kit.problem.ProblemException;

/**
 * Typed query and header parameters parsed by hand, so a bad value is a 400 naming it (JAX-RS
 * answers a failed conversion with a bare 404).
 */
public final class Params {

  private Params() {}

  /**
   * The version an {@code If-Match} header names ({@code "3"} or {@code W/"3"}); -1 for {@code *}.
   */
  public static long ifMatchVersion(String header) {
    if (header == null || header.isBlank()) {
      throw Problems.preconditionRequired();
    }
    String tag = header.strip();
    if (tag.equals("*")) {
      return -1;
    }
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "must be an ETag returned by this API");
    }
  }
}
