package org.receivables.scoring.store;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * A read on a request's hot path as plain JDBC on the session's own connection (in a transaction,
 * the transaction's, bound to its tenant), its rows read by column name through {@link Row} like
 * {@link SqlQuery}'s. No Hibernate query object is built for it: a native query re-parses its SQL
 * and resolves its result mapping on every call, which the credit decision paid a dozen times per
 * request. The driver keeps the statement prepared on the connection after a few uses. Parameters
 * are positional ({@code ?}).
 *
 * <p>Like a Hibernate native query it first flushes what the transaction's session holds, so that
 * it sees what the same transaction persisted (a statement just filed, then rescored).
 */
public final class JdbcRead {

  private final EntityManager em;
  private final String sql;
  private final List<Object> params = new ArrayList<>();

  private JdbcRead(EntityManager em, String sql) {
    this.em = em;
    this.sql = sql;
  }

  public static JdbcRead select(EntityManager em, String sql) {
    return new JdbcRead(em, sql);
  }

  /** The next {@code ?}'s value. */
  public JdbcRead bind(Object value) {
    params.add(value);
    return this;
  }

  public <T> List<T> list(Function<Row, T> mapper) {
    if (em.isJoinedToTransaction()) {
      em.flush();
    }
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                  ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                  Row row = new Row(rs);
                  List<T> out = new ArrayList<>();
                  while (rs.next()) {
                    out.add(mapper.apply(row));
                  }
                  return out;
                }
              }
            });
  }

  public <T> Optional<T> first(Function<Row, T> mapper) {
    return list(mapper).stream().findFirst();
  }
}
