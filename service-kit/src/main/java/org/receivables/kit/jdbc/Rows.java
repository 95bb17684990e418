package org.receivables.kit.jdbc;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Native query rows as records by position: the columns, in select order, fill the components of
 * the record, converted by {@link Columns}, so that repositories speak records and a column added
 * in the wrong place fails loudly at the first read, naming the record. The positional sibling of
 * {@link NamedRows} (which matches by column name and suits long rows); both build records the same
 * way. A SQL {@code null} read into a primitive component fails unless the caller asks for {@link
 * Columns.Nulls#ZERO}.
 */
public final class Rows {

  private Rows() {}

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
      out.add(toRecord(row, type, nulls));
    }
    return out;
  }

  /**
   * The first row, if any; the query is limited to one row (so it must not end in {@code for
   * update}: use {@link #list} and the query's own {@code limit} there).
   */
  public static <R extends Record> Optional<R> first(Query query, Class<R> type) {
    return first(query, type, Columns.Nulls.FAIL);
  }

  /** {@link #first(Query, Class)}, null primitives read as {@code nulls} says. */
  public static <R extends Record> Optional<R> first(
      Query query, Class<R> type, Columns.Nulls nulls) {
    query.setMaxResults(1);
    return list(query, type, nulls).stream().findFirst();
  }

  /** A single-column result as values of one reference type (ids, dates, amounts). */
  public static <T> List<T> column(Query query, Class<T> type) {
    List<?> rows = query.getResultList();
    List<T> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(Columns.as(row instanceof Object[] a ? a[0] : row, type, type.getSimpleName()));
    }
    return out;
  }

  /** A count or other single number; a null (an aggregate over no rows) fails. */
  public static long number(Query query) {
    return Columns.number(query.getSingleResult(), Columns.Nulls.FAIL, "number");
  }

  /** One row (an {@code Object[]}, or the bare value of a one-column query) as a record. */
  static <R extends Record> R toRecord(Object row, Class<R> type, Columns.Nulls nulls) {
    Object[] columns = row instanceof Object[] a ? a : new Object[] {row};
    int components = type.getRecordComponents().length;
    if (components != columns.length) {
      throw new IllegalStateException(
          type.getSimpleName()
              + " has "
              + components
              + " components, the query "
              + columns.length
              + " columns");
    }
    return Records.build(type, nulls, (k, component) -> columns[k]);
  }
}
