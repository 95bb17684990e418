package org.receivables.scoring.store;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import org.receivables.kit.jdbc.Columns;

/**
 * One native result row ({@link SqlQuery}'s tuple or {@link JdbcRead}'s result set), read by column
 * name into domain types; the JDBC types behind them vary with the driver, which the kit's {@link
 * Columns} absorbs. Nulls: reference types stay null, a null {@link #flag} is {@code false}, a null
 * {@link #integer} or {@link #number} fails.
 */
public final class Row {

  private final Function<String, Object> columns;

  Row(Tuple tuple) {
    this.columns = tuple::get;
  }

  /** The current row of {@code rs}. */
  Row(ResultSet rs) {
    this.columns =
        column -> {
          try {
            return rs.getObject(column);
          } catch (SQLException e) {
            throw new IllegalStateException("Cannot read column " + column, e);
          }
        };
  }

  public String text(String column) {
    return Columns.as(columns.apply(column), String.class, column);
  }

  public LocalDate date(String column) {
    return Columns.as(columns.apply(column), LocalDate.class, column);
  }

  public Instant instant(String column) {
    return Columns.as(columns.apply(column), Instant.class, column);
  }

  public BigDecimal decimal(String column) {
    return Columns.as(columns.apply(column), BigDecimal.class, column);
  }

  public boolean flag(String column) {
    return Columns.bool(columns.apply(column), Columns.Nulls.ZERO, column);
  }

  public int integer(String column) {
    return Columns.integer(columns.apply(column), Columns.Nulls.FAIL, column);
  }

  public long number(String column) {
    return Columns.number(columns.apply(column), Columns.Nulls.FAIL, column);
  }

  public UUID uuid(String column) {
    return Columns.as(columns.apply(column), UUID.class, column);
  }
}
