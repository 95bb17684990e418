package org.receivables.kit.jdbc;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Native query rows as records, each component filled from the column of the same name ({@code
 * entryReference} from {@code entry_reference}), so that a repository speaks records and a column
 * renamed, missing or read as the wrong type fails loudly at the first read, naming the record and
 * the column, instead of a positional {@code Object[]} index silently reading its neighbour. The
 * query must be created with {@code em.createNativeQuery(sql, Tuple.class)}.
 */
public final class NamedRows {

  private NamedRows() {}

  /** Every row of the query as a record of that type. */
  public static <R extends Record> List<R> list(Query query, Class<R> type) {
    List<?> rows = query.getResultList();
    List<R> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(toRecord(tuple(row), type));
    }
    return out;
  }

  /**
   * The first row, if any. The query itself should select at most one (its own {@code limit}): a
   * limit added here would land after a {@code for update}.
   */
  public static <R extends Record> Optional<R> first(Query query, Class<R> type) {
    return list(query, type).stream().findFirst();
  }

  private static Tuple tuple(Object row) {
    if (row instanceof Tuple t) {
      return t;
    }
    throw new IllegalStateException(
        "NamedRows reads Tuple rows: create the query with createNativeQuery(sql, Tuple.class)");
  }

  /** One row as a record, its components taken from the columns of the same (snake case) name. */
  static <R extends Record> R toRecord(Tuple row, Class<R> type) {
    Map<String, Object> columns = new HashMap<>();
    for (TupleElement<?> e : row.getElements()) {
      columns.put(e.getAlias().toLowerCase(Locale.ROOT), row.get(e));
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int k = 0; k < components.length; k++) {
      String column = column(components[k].getName());
      if (!columns.containsKey(column)) {
        throw new IllegalStateException(
            type.getSimpleName() + "." + components[k].getName() + ": no column " + column);
      }
      types[k] = components[k].getType();
      args[k] = convert(columns.get(column), types[k], type, column);
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

  /** {@code entryReference} → {@code entry_reference}. */
  static String column(String component) {
    StringBuilder out = new StringBuilder(component.length() + 4);
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object convert(Object value, Class<?> type, Class<?> record, String column) {
    if (value == null) {
      if (type.isPrimitive()) {
        throw new IllegalStateException(record.getSimpleName() + ": " + column + " is null");
      }
      return null;
    }
    if (type.isInstance(value) || type.isPrimitive() && box(type).isInstance(value)) {
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
    if (type.isEnum() && value instanceof String s) {
      return Enum.valueOf((Class<? extends Enum>) type, s.trim());
    }
    if (type == UUID.class && value instanceof String s) {
      return UUID.fromString(s);
    }
    if (type == String.class && value instanceof Character c) {
      return c.toString();
    }
    throw new IllegalStateException(
        record.getSimpleName()
            + ": cannot read "
            + column
            + " ("
            + value.getClass().getName()
            + ") as "
            + type.getName());
  }

  private static Class<?> box(Class<?> primitive) {
    if (primitive == boolean.class) {
      return Boolean.class;
    }
    if (primitive == int.class) {
      return Integer.class;
    }
    if (primitive == long.class) {
      return Long.class;
    }
    return Object.class;
  }
}
