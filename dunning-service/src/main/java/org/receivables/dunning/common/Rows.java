package org.receivables.dunning.common;

import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import org.receivables.kit.jdbc.Columns;

/**
 * Dunning's reading of native query rows: the kit's positional {@link
 * org.receivables.kit.jdbc.Rows} with one service choice, made explicit here: a SQL {@code null}
 * read into a primitive {@code boolean}, {@code int} or {@code long} component is its zero value
 * ({@code false}, {@code 0}), as dunning's queries were written against (a flag or count that an
 * outer join may leave null).
 */
public final class Rows {

  /** Dunning's null policy for primitive components. */
  public static final Columns.Nulls NULLS = Columns.Nulls.ZERO;

  private Rows() {}

  /** Every row of the query as a record of that type. */
  public static <R extends Record> List<R> list(Query query, Class<R> type) {
    return org.receivables.kit.jdbc.Rows.list(query, type, NULLS);
  }

  /** The first row, if any (the query is limited to one row). */
  public static <R extends Record> Optional<R> first(Query query, Class<R> type) {
    return org.receivables.kit.jdbc.Rows.first(query, type, NULLS);
  }

  /** A single-column result as values of one type (ids, dates, amounts). */
  public static <T> List<T> column(Query query, Class<T> type) {
    return org.receivables.kit.jdbc.Rows.column(query, type);
  }

  /** A count or other single number. */
  public static long number(Query query) {
    return org.receivables.kit.jdbc.Rows.number(query);
  }
}
