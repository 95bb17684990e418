package org.receivables.kit.jdbc;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one conversion from what the JDBC driver and Hibernate return for a native query column (a
 * {@code date} as {@link java.sql.Date} or {@link LocalDate}, a count as {@code Integer}, {@code
 * Long} or {@code BigInteger}, a uuid as text) to the type a record component or a service's row
 * reader asks for. {@link NamedRows} and the services' own row readers all go through it, so a
 * driver's choice of Java type is absorbed in one place and a wrong type fails naming the column.
 */
public final class Columns {

  private Columns() {}

  /** What a SQL {@code null} becomes when the target is a primitive ({@code boolean}, numbers). */
  public enum Nulls {
    /** Fail, naming the column: a null where the record cannot hold one is a query bug. */
    FAIL,
    /**
     * The primitive's zero value ({@code false}, {@code 0}): for left joins and optional counts.
     */
    ZERO
  }

  /**
   * A nullable column as a reference type ({@code null} stays {@code null}).
   *
   * @param where names the column in an error (a column name, or a record and its component)
   */
  public static <T> T as(Object value, Class<T> type, String where) {
    if (type.isPrimitive()) {
      throw new IllegalArgumentException("as() reads reference types, not " + type);
    }
    return type.cast(convert(value, type, Nulls.FAIL, where));
  }

  /** A {@code boolean} column, {@code null} read as the {@code nulls} option says. */
  public static boolean bool(Object value, Nulls nulls, String where) {
    return (Boolean) convert(value, boolean.class, nulls, where);
  }

  /** An {@code int} column, {@code null} read as the {@code nulls} option says. */
  public static int integer(Object value, Nulls nulls, String where) {
    return (Integer) convert(value, int.class, nulls, where);
  }

  /** A {@code long} column, {@code null} read as the {@code nulls} option says. */
  public static long number(Object value, Nulls nulls, String where) {
    return (Long) convert(value, long.class, nulls, where);
  }

  /**
   * The value of one column as {@code type}. Text targets take any value's {@code toString()};
   * enums are read from their (trimmed) name, uuids from text, decimals from any number or numeric
   * text, without going through {@code double}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object convert(Object value, Class<?> type, Nulls nulls, String where) {
    if (value == null) {
      if (!type.isPrimitive()) {
        return null;
      }
      if (nulls == Nulls.ZERO) {
        return Array.get(Array.newInstance(type, 1), 0);
      }
      throw new IllegalStateException(where + " is null");
    }
    Class<?> target =
        type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0).getClass() : type;
    if (target.isInstance(value)) {
      return value;
    }
    if (target == String.class) {
      return value.toString();
    }
    if (target == LocalDate.class && value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (target == Instant.class) {
      if (value instanceof Timestamp t) {
        return t.toInstant();
      }
      if (value instanceof OffsetDateTime o) {
        return o.toInstant();
      }
    }
    if (value instanceof Number n) {
      if (target == Integer.class) {
        return n.intValue();
      }
      if (target == Long.class) {
        return n.longValue();
      }
      if (target == BigDecimal.class) {
        return new BigDecimal(n.toString());
      }
    }
    if (value instanceof String s) {
      if (target.isEnum()) {
        return Enum.valueOf((Class<? extends Enum>) target, s.trim());
      }
      if (target == UUID.class) {
        return UUID.fromString(s);
      }
      if (target == BigDecimal.class) {
        return new BigDecimal(s.trim());
      }
    }
    throw new IllegalStateException(
        where + ": cannot read a " + value.getClass().getName() + " as " + type.getName());
  }
}
