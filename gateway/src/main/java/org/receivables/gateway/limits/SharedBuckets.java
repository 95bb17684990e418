package org.receivables.gateway.limits;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Token buckets in the gateway's database, shared by all its replicas, so that a tenant's limit is
 * the same with one replica or ten. A replica never asks per request: it leases a few tokens with
 * one atomic upsert (refill by elapsed database time, take what is there up to the lease size) and
 * spends them locally ({@link LeasedBucket}).
 */
@ApplicationScoped
public class SharedBuckets {

  /** Refill since the last lease, on the database's clock, capped at the burst. */
  private static final String AVAILABLE =
      "least(?, b.tokens + greatest(0, extract(epoch from now() - b.refilled_at)) * ?)";

  private static final String LEASE =
      "insert into rate_limit_bucket as b (bucket_key, tokens, refilled_at, last_grant)"
          + " values (?, ? - least(?, ?), now(), least(?, ?))"
          + " on conflict (bucket_key) do update set"
          + " last_grant = least(?, floor("
          + AVAILABLE
          + ")),"
          + " tokens = "
          + AVAILABLE
          + " - least(?, floor("
          + AVAILABLE
          + ")),"
          + " refilled_at = now()"
          + " returning last_grant, tokens";

  private final AgroalDataSource db;

  public SharedBuckets(AgroalDataSource db) {
    this.db = db;
  }

  /**
   * What a lease gave: tokens to spend, what the shared bucket still holds after it (a fraction
   * when less than one token), and when nothing was granted, how long until it has one.
   */
  public record Lease(int granted, double left, long waitNanos) {}

  /**
   * Takes up to {@code want} tokens from the shared bucket {@code key} (created full on first use).
   * Blocking: call it off the event loop.
   */
  public Lease lease(String key, double ratePerSecond, int burst, int want) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement statement = connection.prepareStatement(LEASE)) {
      statement.setQueryTimeout(2);
      int i = 1;
      statement.setString(i++, key);
      statement.setInt(i++, burst);
      statement.setInt(i++, want);
      statement.setInt(i++, burst);
      statement.setInt(i++, want);
      statement.setInt(i++, burst);
      // last_grant
      statement.setInt(i++, want);
      statement.setInt(i++, burst);
      statement.setDouble(i++, ratePerSecond);
      // tokens
      statement.setInt(i++, burst);
      statement.setDouble(i++, ratePerSecond);
      statement.setInt(i++, want);
      statement.setInt(i++, burst);
      statement.setDouble(i, ratePerSecond);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        int granted = row.getInt("last_grant");
        double left = row.getDouble("tokens");
        long wait = granted > 0 ? 0 : (long) Math.ceil(Math.max(0, 1 - left) / ratePerSecond * 1e9);
        return new Lease(granted, left, Math.max(granted > 0 ? 0 : 1, wait));
      }
    }
  }
}
