package org.receivables.scoring.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where native SQL results are read: rows come back as JPA {@link Tuple}s, each read
 * by column name through {@link Row} into a record by the repository that wrote the query. Keeping
 * the untyped result list here means no repository reads a positional {@code Object[]} or casts.
 */
public final class SqlQuery {

  private final Query query;

  private SqlQuery(Query query) {
    this.query = query;
  }

  /** A query whose rows are read with {@link #list} or {@link #first}. */
  public static SqlQuery select(EntityManager em, String sql) {
    return new SqlQuery(em.createNativeQuery(sql, Tuple.class));
  }

  /** An insert, update or delete, run with {@link #execute}. */
  public static SqlQuery write(EntityManager em, String sql) {
    return new SqlQuery(em.createNativeQuery(sql));
  }

  public SqlQuery bind(String name, Object value) {
    query.setParameter(name, value);
    return this;
  }

  public <T> List<T> list(Function<Row, T> mapper) {
    @SuppressWarnings("unchecked") // created with Tuple.class in select()
    List<Tuple> rows = query.getResultList();
    return rows.stream().map(t -> mapper.apply(new Row(t))).toList();
  }

  public <T> Optional<T> first(Function<Row, T> mapper) {
    return list(mapper).stream().findFirst();
  }

  public boolean exists() {
    return !query.getResultList().isEmpty();
  }

  /**
   * @return the number of rows written
   */
  public int execute() {
    return query.executeUpdate();
  }
}
