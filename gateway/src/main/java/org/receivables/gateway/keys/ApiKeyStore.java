package org.receivables.gateway.keys;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.receivables.gateway.auth.ApiKeys;

/**
 * API keys managed through the admin API, in the gateway's database. The plain key exists only in
 * the answer that creates it; the table holds its SHA-256.
 */
@ApplicationScoped
public class ApiKeyStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AgroalDataSource db;

  public ApiKeyStore(AgroalDataSource db) {
    this.db = db;
  }

  /** A stored key, without its secret. */
  public record StoredKey(
      UUID id,
      String tenant,
      String name,
      Set<String> roles,
      String hashHex,
      Double requestsPerSecond,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      Instant revokedAt,
      UUID replacedBy) {

    public boolean usableAt(Instant now) {
      return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
  }

  /** A new key: the stored row and the plain secret to hand over once. */
  public record Issued(StoredKey key, String secret) {}

  public Issued create(
      String tenant, String name, Set<String> roles, Double rps, String createdBy) {
    String secret = newSecret();
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    String hash = HexFormat.of().formatHex(ApiKeys.sha256(secret));
    update(
        "insert into api_key (id, tenant_id, name, roles, key_hash, requests_per_second, created_at,"
            + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        tenant,
        name,
        String.join(",", new TreeSet<>(roles)),
        hash,
        rps,
        Timestamp.from(now),
        createdBy);
    return new Issued(
        new StoredKey(
            id, tenant, name, Set.copyOf(roles), hash, rps, now, createdBy, null, null, null),
        secret);
  }

  /** Issues a successor with the same name and roles; the old key expires after {@code grace}. */
  public Optional<Issued> rotate(String tenant, UUID id, Duration grace, String by) {
    Optional<StoredKey> old = find(tenant, id).filter(k -> k.usableAt(Instant.now()));
    if (old.isEmpty()) {
      return Optional.empty();
    }
    Issued next =
        create(tenant, old.get().name(), old.get().roles(), old.get().requestsPerSecond(), by);
    update(
        "update api_key set expires_at = ?, replaced_by = ? where id = ? and tenant_id = ?",
        Timestamp.from(Instant.now().plus(grace)),
        next.key().id(),
        id,
        tenant);
    return Optional.of(next);
  }

  /**
   * @return false when the tenant has no such key (or it was already revoked)
   */
  public boolean revoke(String tenant, UUID id) {
    return update(
            "update api_key set revoked_at = ? where id = ? and tenant_id = ? and revoked_at is null",
            Timestamp.from(Instant.now()),
            id,
            tenant)
        == 1;
  }

  public Optional<StoredKey> find(String tenant, UUID id) {
    return query("select * from api_key where id = ? and tenant_id = ?", id, tenant).stream()
        .findFirst();
  }

  public List<StoredKey> list(String tenant) {
    return query("select * from api_key where tenant_id = ? order by created_at, id", tenant);
  }

  /** Every key that can still authenticate, for the in-memory lookup of each replica. */
  public List<StoredKey> usable() {
    return query(
        "select * from api_key where revoked_at is null and (expires_at is null or expires_at > ?)",
        Timestamp.from(Instant.now()));
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "rk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = bind(c.prepareStatement(sql), args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("API key store failed", e);
    }
  }

  private List<StoredKey> query(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = bind(c.prepareStatement(sql), args);
        ResultSet rs = ps.executeQuery()) {
      List<StoredKey> keys = new ArrayList<>();
      while (rs.next()) {
        keys.add(
            new StoredKey(
                rs.getObject("id", UUID.class),
                rs.getString("tenant_id"),
                rs.getString("name"),
                Set.of(rs.getString("roles").split(",")),
                rs.getString("key_hash").trim(),
                (Double) rs.getObject("requests_per_second"),
                instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getObject("replaced_by", UUID.class)));
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("API key store failed", e);
    }
  }

  private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
