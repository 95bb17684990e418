package org.receivables.scoring.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Converts native query columns, whose Java types vary with the driver, into the domain's. */
final class Rows {

  private Rows() {}

  static LocalDate date(Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof Date d ? d.toLocalDate() : (LocalDate) v;
  }

  static Instant instant(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) v;
  }

  static BigDecimal decimal(Object v) {
    return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
  }

  static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
