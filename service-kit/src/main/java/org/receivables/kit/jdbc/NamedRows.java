package org.receivables.kit.jdbc;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Native query rows as records, each component filled from the column of the same name ({@code
 * entryReference} from {@code entry_reference}), so that a repository speaks records and a column
 * renamed, missing or read as the wrong type fails loudly at the first read, naming the record and
 * the column, instead of a positional {@code Object[]} index silently reading its neighbour. The
 * query must be created with {@code em.createNativeQuery(sql, Tuple.class)}. Values are converted
 * by {@link Columns}; a SQL {@code null} in a primitive component fails. {@link Rows} is the
 * positional sibling.
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
    return Records.build(
        type,
        Columns.Nulls.FAIL,
        (k, component) -> {
          String column = column(component.getName());
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
