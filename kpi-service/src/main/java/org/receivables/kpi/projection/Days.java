package org.receivables.kpi.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day an instant of an event falls on in the tenant's zone; an event without one, the epoch.
 */
final class Days {

  private Days() {}

  static LocalDate of(Instant at, ZoneId zone) {
    return at == null ? LocalDate.EPOCH : LocalDate.ofInstant(at, zone);
  }
}
