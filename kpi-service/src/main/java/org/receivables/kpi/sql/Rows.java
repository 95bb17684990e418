package org.receivables.kpi.sql;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place where a native query's untyped result becomes a record. Repositories keep their
 * set-based SQL and hand a {@link Mapper} that names each column's type; the JDBC driver's and
 * Hibernate's choice of Java type for a column (a {@code date} as {@link Date} or {@link
 * LocalDate}, a count as {@link Long} or {@link java.math.BigInteger}) is absorbed here, so no cast
 * appears anywhere else.
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

  /** One result row, its columns read by position and type. */
  public static final class Row {

    private final Object[] columns;

    Row(Object result) {
      this.columns = result instanceof Object[] a ? a : new Object[] {result};
    }

    public UUID uuid(int i) {
      Object v = columns[i];
      return v == null ? null : v instanceof UUID u ? u : UUID.fromString(v.toString());
    }

    public BigDecimal decimal(int i) {
      Object v = columns[i];
      if (v == null || v instanceof BigDecimal) {
        return (BigDecimal) v;
      }
      return new BigDecimal(v.toString());
    }

    public String text(int i) {
      Object v = columns[i];
      return v == null ? null : v.toString();
    }

    /** A code of a {@code char(n)} column (a currency), its padding removed. */
    public String code(int i) {
      Object v = columns[i];
      return v == null ? null : v.toString().trim();
    }

    public LocalDate date(int i) {
      Object v = columns[i];
      if (v == null || v instanceof LocalDate) {
        return (LocalDate) v;
      }
      return ((Date) v).toLocalDate();
    }

    public Instant instant(int i) {
      Object v = columns[i];
      if (v == null || v instanceof Instant) {
        return (Instant) v;
      }
      if (v instanceof Timestamp t) {
        return t.toInstant();
      }
      return ((OffsetDateTime) v).toInstant();
    }

    public long count(int i) {
      Object v = columns[i];
      return v == null ? 0 : ((Number) v).longValue();
    }

    public Integer integer(int i) {
      Object v = columns[i];
      return v == null ? null : ((Number) v).intValue();
    }

    public boolean bool(int i) {
      return Boolean.TRUE.equals(columns[i]);
    }
  }
}
