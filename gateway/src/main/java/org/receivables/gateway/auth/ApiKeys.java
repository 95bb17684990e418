package org.receivables.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.keys.ApiKeyStore;

/**
 * Resolves a presented API key to its caller. Keys are known only as SHA-256 hashes, from two
 * sources: configuration (bootstrap and demo keys) and the key store of the admin API, which each
 * replica reloads periodically so that the lookup never waits on the database.
 */
@ApplicationScoped
public class ApiKeys {

  private static final Logger LOG = Logger.getLogger(ApiKeys.class);

  private final Map<String, Entry> configured;
  private final ApiKeyStore store;
  private final GatewayConfig config;
  private volatile Map<String, Entry> stored = Map.of();

  public ApiKeys(GatewayConfig config, ApiKeyStore store) {
    this.config = config;
    this.store = store;
    Map<String, Entry> fromConfig = new HashMap<>();
    config
        .apiKeys()
        .forEach((hash, key) -> fromConfig.put(checkedHex(hash, key.name()), Entry.of(hash, key)));
    this.configured = Map.copyOf(fromConfig);
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    vertx.executeBlocking(() -> refresh(), false);
    vertx.setPeriodic(
        config.keys().refreshInterval().toMillis(),
        timer -> vertx.executeBlocking(() -> refresh(), false));
  }

  /** Reloads the stored keys; a database outage keeps the last known set. */
  public boolean refresh() {
    try {
      Map<String, Entry> next = new HashMap<>();
      for (ApiKeyStore.StoredKey key : store.usable()) {
        Caller caller =
            new Caller(
                key.hashHex(), key.name(), key.tenant(), key.roles(), key.requestsPerSecond());
        next.put(key.hashHex(), new Entry(caller, key.expiresAt()));
      }
      stored = Map.copyOf(next);
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("Could not reload API keys, keeping the last known set: %s", e.getMessage());
      return false;
    }
  }

  public Optional<Caller> find(String presentedKey) {
    String hex = HexFormat.of().formatHex(sha256(presentedKey));
    Entry entry = configured.get(hex);
    if (entry == null) {
      entry = stored.get(hex);
    }
    if (entry == null || (entry.expiresAt() != null && !entry.expiresAt().isAfter(Instant.now()))) {
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String checkedHex(String hashHex, String name) {
    String hex = hashHex.trim().toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "gateway.api-keys entries must be keyed by a SHA-256 hex hash; '" + name + "' is not");
    }
    return hex;
  }

  private record Entry(Caller caller, Instant expiresAt) {

    static Entry of(String hashHex, GatewayConfig.ApiKey key) {
      String hex = checkedHex(hashHex, key.name());
      var roles = new LinkedHashSet<String>();
      key.roles().stream().map(String::trim).filter(r -> !r.isEmpty()).forEach(roles::add);
      return new Entry(
          new Caller(hex, key.name(), key.tenant(), roles, key.requestsPerSecond().orElse(null)),
          null);
    }
  }
}
