package org.receivables.scoring.store;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One native result row, read by column name into domain types; the JDBC types behind them vary
 * with the driver, which {@link Rows} absorbs.
 */
public final class Row {

  private final Tuple tuple;

  Row(Tuple tuple) {
    this.tuple = tuple;
  }

  public String text(String column) {
    return Rows.text(tuple.get(column));
  }

  public LocalDate date(String column) {
    return Rows.date(tuple.get(column));
  }

  public Instant instant(String column) {
    return Rows.instant(tuple.get(column));
  }

  public BigDecimal decimal(String column) {
    return Rows.decimal(tuple.get(column));
  }

  public boolean flag(String column) {
    return Boolean.TRUE.equals(tuple.get(column));
  }

  public int integer(String column) {
    return ((Number) tuple.get(column)).intValue();
  }

  public long number(String column) {
    return ((Number) tuple.get(column)).longValue();
  }

  public UUID uuid(String column) {
    Object v = tuple.get(column);
    return v == null ? null : v instanceof UUID u ? u : UUID.fromString(v.toString());
  }
}
