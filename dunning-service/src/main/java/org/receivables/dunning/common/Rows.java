package org.receivables.dunning.common;

import jakarta.persistence.Query;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place where native query rows become typed values: a row's columns, in select order, fill
 * the components of a record, converted from what the JDBC driver returns (dates, instants, numbers
 * of any width). Every unchecked cast of the service is here, so that repositories speak records
 * and a column added in the wrong place fails loudly at the first read, naming the record.
 */
public final class Rows {

  private Rows() {}

  /** Every row of the query as a record of that type. */
  public static <R extends Record> List<R> list(Query query, Class<R> type) {
    List<?> rows = query.getResultList();
    List<R> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(toRecord(row, type));
    }
    return out;
  }

  /** The first row, if any. */
  public static <R extends Record> Optional<R> first(Query query, Class<R> type) {
    query.setMaxResults(1);
    return list(query, type).stream().findFirst();
  }

  /** A single-column result as values of one type (ids, dates, amounts). */
  public static <T> List<T> column(Query query, Class<T> type) {
    List<?> rows = query.getResultList();
    List<T> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(type.cast(convert(row instanceof Object[] a ? a[0] : row, type)));
    }
    return out;
  }

  /** A count or other single number. */
  public static long number(Query query) {
    return ((Number) query.getSingleResult()).longValue();
  }

  /** One row (an {@code Object[]}, or the bare value of a one-column query) as a record. */
  static <R extends Record> R toRecord(Object row, Class<R> type) {
    Object[] columns = row instanceof Object[] a ? a : new Object[] {row};
    RecordComponent[] components = type.getRecordComponents();
    if (components.length != columns.length) {
      throw new IllegalStateException(
          type.getSimpleName()
              + " has "
              + components.length
              + " components, the query "
              + columns.length
              + " columns");
    }
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int k = 0; k < components.length; k++) {
      types[k] = components[k].getType();
      args[k] = convert(columns[k], types[k]);
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object convert(Object value, Class<?> type) {
    if (value == null) {
      return type == boolean.class
          ? Boolean.FALSE
          : (type == int.class || type == long.class) ? 0 : null;
    }
    if (type.isInstance(value)) {
      return value;
    }
    if (type == LocalDate.class && value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (type == Instant.class) {
      if (value instanceof Timestamp t) {
        return t.toInstant();
      }
      if (value instanceof OffsetDateTime o) {
        return o.toInstant();
      }
    }
    if (value instanceof Number n) {
      if (type == int.class || type == Integer.class) {
        return n.intValue();
      }
      if (type == long.class || type == Long.class) {
        return n.longValue();
      }
      if (type == BigDecimal.class) {
        return new BigDecimal(n.toString());
      }
    }
    if (type == boolean.class && value instanceof Boolean b) {
      return b;
    }
    if (type == UUID.class && value instanceof String s) {
      return UUID.fromString(s);
    }
    if (type == String.class) {
      return value.toString();
    }
    throw new IllegalStateException(
        "Cannot read a " + value.getClass().getName() + " as " + type.getName());
  }
}
