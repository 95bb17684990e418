package org.receivables.kpi.sql;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.kit.jdbc.Columns;

/**
 * The one place where a native query's untyped result becomes a record. Repositories keep their
 * set-based SQL and hand a {@link Mapper} that names each column's type; the JDBC driver's and
 * Hibernate's choice of Java type for a column (a {@code date} as {@link java.sql.Date} or {@link
 * LocalDate}, a count as {@link Long} or {@link java.math.BigInteger}) is absorbed by the kit's
 * {@link Columns}, the suite's one column conversion, so no cast appears anywhere else.
 */
public final class Rows {

  private Rows() {}

  /** Turns one row into its record. */
  @FunctionalInterface
  public interface Mapper<T> {
    T map(Row row);
  }

  /** Every row of {@code query}, mapped. */
  public static <T> List<T> list(Query query, Mapper<T> mapper) {
    List<?> rows = query.getResultList();
    List<T> out = new ArrayList<>(rows.size());
    for (Object r : rows) {
      out.add(mapper.map(new Row(r)));
    }
    return out;
  }

  /** The first row of {@code query}, mapped, if there is one. */
  public static <T> Optional<T> first(Query query, Mapper<T> mapper) {
    List<?> rows = query.setMaxResults(1).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(mapper.map(new Row(rows.get(0))));
  }

  /** The one row of a query that always returns exactly one (an aggregate, a returning update). */
  public static <T> T single(Query query, Mapper<T> mapper) {
    return mapper.map(new Row(query.getSingleResult()));
  }

  /** The single numeric value of an aggregate query. */
  public static BigDecimal decimal(Query query) {
    return single(query, r -> r.decimal(0));
  }

  /**
   * One result row, its columns read by position and type through the kit's {@link Columns}. Nulls:
   * reference types stay null, a null {@link #count} is {@code 0} and a null {@link #bool} is
   * {@code false} (sums and flags over no rows), {@link #integer} is boxed and may be null.
   */
  public static final class Row {

    private final Object[] columns;

    Row(Object result) {
      this.columns = result instanceof Object[] a ? a : new Object[] {result};
    }

    private <T> T as(int i, Class<T> type) {
      return Columns.as(columns[i], type, "column " + i);
    }

    public UUID uuid(int i) {
      return as(i, UUID.class);
    }

    public BigDecimal decimal(int i) {
      return as(i, BigDecimal.class);
    }

    public String text(int i) {
      return as(i, String.class);
    }

    /** A code of a {@code char(n)} column (a currency), its padding removed. */
    public String code(int i) {
      String v = text(i);
      return v == null ? null : v.trim();
    }

    public LocalDate date(int i) {
      return as(i, LocalDate.class);
    }

    public Instant instant(int i) {
      return as(i, Instant.class);
    }

    public long count(int i) {
      return Columns.number(columns[i], Columns.Nulls.ZERO, "column " + i);
    }

    public Integer integer(int i) {
      return as(i, Integer.class);
    }

    public boolean bool(int i) {
      return Columns.bool(columns[i], Columns.Nulls.ZERO, "column " + i);
    }
  }
}
