package org.receivables.kit.jdbc;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Native query rows as records, each component filled from the column of the same name ({@code
 * entryReference} from {@code entry_reference}), so that a repository speaks records and a column
 * renamed, missing or read as the wrong type fails loudly at the first read, naming the record and
 * the column, instead of a positional {@code Object[]} index silently reading its neighbour. The
 * query must be created with {@code em.createNativeQuery(sql, Tuple.class)}; plain JDBC rows
 * ({@link #jdbc}, {@link #row}) are read by column label the same way. Values are converted by
 * {@link Columns}; a SQL {@code null} in a primitive component fails unless the caller asks for
 * {@link Columns.Nulls#ZERO}. A record component that no column names is itself read from the same
 * row ({@code (String segment, Flows flows)}: the flows' components from their own columns), so a
 * domain record is read whole beside a key.
 */
public final class NamedRows {

  private NamedRows() {}

  /** Every row of the query as a record of that type; a null primitive fails. */
  public static <R extends Record> List<R> list(Query query, Class<R> type) {
    return list(query, type, Columns.Nulls.FAIL);
  }

  /**
   * Every row of the query as a record of that type, null primitives read as {@code nulls} says.
   */
  public static <R extends Record> List<R> list(Query query, Class<R> type, Columns.Nulls nulls) {
    List<?> rows = query.getResultList();
    List<R> out = new ArrayList<>(rows.size());
    Plan<R> plan = null;
    for (Object row : rows) {
      Tuple tuple = tuple(row);
      if (plan == null) {
        plan = plan(tuple, type);
      }
      out.add(plan.read(tuple::get, nulls));
    }
    return out;
  }

  /**
   * The first row, if any. The query itself should select at most one (its own {@code limit}): a
   * limit added here would land after a {@code for update}.
   */
  public static <R extends Record> Optional<R> first(Query query, Class<R> type) {
    return first(query, type, Columns.Nulls.FAIL);
  }

  /** {@link #first(Query, Class)}, null primitives read as {@code nulls} says. */
  public static <R extends Record> Optional<R> first(
      Query query, Class<R> type, Columns.Nulls nulls) {
    return list(query, type, nulls).stream().findFirst();
  }

  /** The one row of a query that always returns exactly one (an aggregate, a returning update). */
  public static <R extends Record> R single(Query query, Class<R> type, Columns.Nulls nulls) {
    return toRecord(tuple(query.getSingleResult()), type, nulls);
  }

  /**
   * A single-column result as values of one reference type (ids, dates, amounts); the query may be
   * created with or without {@code Tuple.class}.
   */
  public static <T> List<T> column(Query query, Class<T> type) {
    List<?> rows = query.getResultList();
    List<T> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(Columns.as(row instanceof Tuple t ? t.get(0) : row, type, type.getSimpleName()));
    }
    return out;
  }

  /** The one value of a query that returns one row of one column (a count, a sum). */
  public static <T> T value(Query query, Class<T> type) {
    Object row = query.getSingleResult();
    return Columns.as(row instanceof Tuple t ? t.get(0) : row, type, type.getSimpleName());
  }

  /** A count or other single number; a null (an aggregate over no rows) fails. */
  public static long number(Query query) {
    Object row = query.getSingleResult();
    return Columns.number(row instanceof Tuple t ? t.get(0) : row, Columns.Nulls.FAIL, "number");
  }

  /**
   * The rows of a read run as plain JDBC on the session's own connection (in a transaction, the
   * transaction's), as records. For a hot path: no Hibernate query object is built, which re-parses
   * its SQL and resolves its result mapping on every call; the driver keeps the statement prepared
   * on the connection after a few uses. Like a native query it first flushes what a joined
   * transaction's session holds, so that it sees what the same transaction persisted.
   *
   * @param params the values of the statement's positional {@code ?}, in order; a collection is
   *     sent as a text array (for {@code = any(?)})
   */
  public static <R extends Record> List<R> jdbc(
      EntityManager em, String sql, Class<R> type, Columns.Nulls nulls, Object... params) {
    if (em.isJoinedToTransaction()) {
      em.flush();
    }
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                  if (params[i] instanceof Collection<?> values) {
                    ps.setArray(i + 1, c.createArrayOf("text", values.toArray()));
                  } else {
                    ps.setObject(i + 1, params[i]);
                  }
                }
                try (ResultSet rs = ps.executeQuery()) {
                  List<R> out = new ArrayList<>();
                  RowReader<R> reader = reader(rs, type, nulls);
                  while (rs.next()) {
                    out.add(reader.read());
                  }
                  return out;
                }
              }
            });
  }

  /**
   * The current row of a result set the caller walks itself, as a record. For many rows of one
   * result set, {@link #reader} matches the columns once.
   */
  public static <R extends Record> R row(ResultSet rs, Class<R> type, Columns.Nulls nulls)
      throws SQLException {
    return reader(rs, type, nulls).read();
  }

  /** Reads the current row of the result set it was made for. */
  public interface RowReader<R> {
    R read() throws SQLException;
  }

  /**
   * A reader of the result set's rows as records, its columns matched to the record's components
   * (by name, nested records filled from the same row) once for all rows: a cursor of a million
   * rows then costs the values and the constructor, not a map of columns per row.
   */
  public static <R extends Record> RowReader<R> reader(
      ResultSet rs, Class<R> type, Columns.Nulls nulls) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      index.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    Plan<R> plan = Plan.of(type, index);
    return () -> plan.read(rs::getObject, nulls);
  }

  /**
   * The plan of a query's Tuple rows, from the first one's column aliases: Hibernate gives every
   * row of a native query the same elements, in the same order.
   */
  private static <R extends Record> Plan<R> plan(Tuple first, Class<R> type) {
    List<TupleElement<?>> elements = first.getElements();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < elements.size(); i++) {
      index.put(elements.get(i).getAlias().toLowerCase(Locale.ROOT), i);
    }
    return Plan.of(type, index);
  }

  /** The value at a position of the current row (a result set's column, a tuple's element). */
  @FunctionalInterface
  private interface Values<X extends Exception> {
    Object at(int position) throws X;
  }

  /**
   * Where each component of a record comes from: a column's position, or a nested record. The one
   * matching of columns to components, for result sets (positions from 1) and tuples (from 0)
   * alike.
   */
  private record Plan<R extends Record>(Class<R> type, int[] positions, Plan<?>[] nested) {

    static <R extends Record> Plan<R> of(Class<R> type, Map<String, Integer> index) {
      Records.Shape shape = Records.shape(type);
      int n = shape.components().length;
      int[] positions = new int[n];
      Plan<?>[] nested = new Plan<?>[n];
      for (int k = 0; k < n; k++) {
        Integer at = index.get(shape.columns()[k]);
        Class<?> componentType = shape.types()[k];
        if (at == null && componentType.isRecord()) {
          nested[k] = of(componentType.asSubclass(Record.class), index);
        } else if (at == null) {
          throw new IllegalStateException(shape.wheres()[k] + ": no column " + shape.columns()[k]);
        } else {
          positions[k] = at;
        }
      }
      return new Plan<>(type, positions, nested);
    }

    <X extends Exception> R read(Values<X> row, Columns.Nulls nulls) throws X {
      Object[] values = new Object[positions.length];
      for (int k = 0; k < positions.length; k++) {
        values[k] = nested[k] != null ? nested[k].read(row, nulls) : row.at(positions[k]);
      }
      return Records.build(type, nulls, (k, component) -> values[k]);
    }
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
    return toRecord(row, type, Columns.Nulls.FAIL);
  }

  /** {@link #toRecord(Tuple, Class)}, null primitives read as {@code nulls} says. */
  static <R extends Record> R toRecord(Tuple row, Class<R> type, Columns.Nulls nulls) {
    return plan(row, type).read(row::get, nulls);
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
}
