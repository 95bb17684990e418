package org.receivables.gateway.routing;

import java.util.Locale;

/**
 * Paths are forwarded unchanged, so a dot segment would let {@code /api/v1/kpis/../../q/metrics}
 * pass the prefix check here and land elsewhere on the service; such paths are refused instead.
 */
final class PathGuard {

  private PathGuard() {}

  static boolean hasDotSegment(String rawPath) {
    String path = rawPath.toLowerCase(Locale.ROOT).replace("%2e", ".");
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
