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
 * domain record is read whole beside a key. {@link Rows} is the positional sibling.
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
    for (Object row : rows) {
      out.add(toRecord(tuple(row), type, nulls));
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
                  while (rs.next()) {
                    out.add(toRecord(columns(rs), type, nulls));
                  }
                  return out;
                }
              }
            });
  }

  /**
   * The current row of a result set the caller walks itself (a server-side cursor read in pages),
   * as a record.
   */
  public static <R extends Record> R row(ResultSet rs, Class<R> type, Columns.Nulls nulls)
      throws SQLException {
    return toRecord(columns(rs), type, nulls);
  }

  private static Tuple tuple(Object row) {
    if (row instanceof Tuple t) {
      return t;
    }
    throw new IllegalStateException(
        "NamedRows reads Tuple rows: create the query with createNativeQuery(sql, Tuple.class)");
  }

  private static Map<String, Object> columns(Tuple row) {
    Map<String, Object> columns = new HashMap<>();
    for (TupleElement<?> e : row.getElements()) {
      columns.put(e.getAlias().toLowerCase(Locale.ROOT), row.get(e));
    }
    return columns;
  }

  private static Map<String, Object> columns(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> columns = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
    }
    return columns;
  }

  /** One row as a record, its components taken from the columns of the same (snake case) name. */
  static <R extends Record> R toRecord(Tuple row, Class<R> type) {
    return toRecord(row, type, Columns.Nulls.FAIL);
  }

  /** {@link #toRecord(Tuple, Class)}, null primitives read as {@code nulls} says. */
  static <R extends Record> R toRecord(Tuple row, Class<R> type, Columns.Nulls nulls) {
    return toRecord(columns(row), type, nulls);
  }

  private static <R extends Record> R toRecord(
      Map<String, Object> columns, Class<R> type, Columns.Nulls nulls) {
    String[] names = Records.shape(type).columns();
    return Records.build(
        type,
        nulls,
        (k, component) -> {
          String column = names[k];
          if (!columns.containsKey(column) && component.getType().isRecord()) {
            return toRecord(columns, component.getType().asSubclass(Record.class), nulls);
          }
          if (!columns.containsKey(column)) {
            throw new IllegalStateException(
                type.getSimpleName() + "." + component.getName() + ": no column " + column);
          }
          return columns.get(column);
        });
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
