package org.receivables.scoring.store;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.receivables.kit.jdbc.Columns;

/**
 * One native result row, read by column name into domain types; the JDBC types behind them vary
 * with the driver, which the kit's {@link Columns} absorbs. Nulls: reference types stay null, a
 * null {@link #flag} is {@code false}, a null {@link #integer} or {@link #number} fails.
 */
public final class Row {

  private final Tuple tuple;

  Row(Tuple tuple) {
    this.tuple = tuple;
  }

  public String text(String column) {
    return Columns.as(tuple.get(column), String.class, column);
  }

  public LocalDate date(String column) {
    return Columns.as(tuple.get(column), LocalDate.class, column);
  }

  public Instant instant(String column) {
    return Columns.as(tuple.get(column), Instant.class, column);
  }

  public BigDecimal decimal(String column) {
    return Columns.as(tuple.get(column), BigDecimal.class, column);
  }

  public boolean flag(String column) {
    return Columns.bool(tuple.get(column), Columns.Nulls.ZERO, column);
  }

  public int integer(String column) {
    return Columns.integer(tuple.get(column), Columns.Nulls.FAIL, column);
  }

  public long number(String column) {
    return Columns.number(tuple.get(column), Columns.Nulls.FAIL, column);
  }

  public UUID uuid(String column) {
    return Columns.as(tuple.get(column), UUID.class, column);
  }
}
