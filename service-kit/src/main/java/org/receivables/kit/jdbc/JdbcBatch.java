package org.receivables.kit.jdbc;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Inserts many rows with one prepared statement in JDBC batches, which the PostgreSQL driver (with
 * {@code reWriteBatchedInserts}) sends as multi-row inserts: bulk writes cost a few round trips
 * instead of one per row. For insert-only bulk work, where the ORM's bookkeeping buys nothing.
 */
public final class JdbcBatch {

  /** Rows per executed batch: large enough to amortise round trips, small enough for memory. */
  static final int CHUNK = 2_000;

  private JdbcBatch() {}

  /**
   * Inserts the rows on the session's connection, in its transaction, after flushing what the
   * session still holds (as a native query would), so they land after the caller's earlier writes.
   */
  public static void insert(EntityManager em, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.flush();
    em.unwrap(Session.class).doWork(c -> insert(c, sql, rows));
  }

  /** Inserts the rows, each an array of the statement's parameters in order. */
  public static void insert(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          bind(ps, i + 1, row[i]);
        }
        ps.addBatch();
        if (++pending == CHUNK) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      ps.setTimestamp(index, Timestamp.from(instant));
    } else if (value instanceof byte[] bytes) {
      ps.setBytes(index, bytes);
    } else if (value instanceof BigDecimal decimal) {
      ps.setBigDecimal(index, decimal);
    } else {
      ps.setObject(index, value);
    }
  }
}
