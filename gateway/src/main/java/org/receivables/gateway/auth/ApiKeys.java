package org.receivables.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.receivables.gateway.GatewayConfig;

/**
 * Keys are configured only as SHA-256 hashes so that no config file, environment dump or log holds
 * a usable key; a presented key is hashed and compared with every entry in constant time.
 */
@ApplicationScoped
public class ApiKeys {

  private final List<Entry> entries;

  public ApiKeys(GatewayConfig config) {
    this.entries =
        config.apiKeys().entrySet().stream().map(e -> Entry.of(e.getKey(), e.getValue())).toList();
  }

  public Optional<Caller> find(String presentedKey) {
    byte[] presented = sha256(presentedKey);
    Caller found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(presented, entry.hash()) && found == null) {
        found = entry.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private record Entry(byte[] hash, Caller caller) {

    static Entry of(String hashHex, GatewayConfig.ApiKey key) {
      String hex = hashHex.trim().toLowerCase(Locale.ROOT);
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "gateway.api-keys entries must be keyed by a SHA-256 hex hash; '"
                + key.name()
                + "' is not");
      }
      var roles = new LinkedHashSet<String>();
      key.roles().stream().map(String::trim).filter(r -> !r.isEmpty()).forEach(roles::add);
      return new Entry(
          HexFormat.of().parseHex(hex),
          new Caller(hex, key.name(), key.tenant(), roles, key.requestsPerSecond().orElse(null)));
    }
  }
}
