package org.receivables.scoring.score;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A digest of the scoring model's settings ({@code scoring.*} but the nightly schedule), stored
 * with each score: after an operator changes a weight or a curve, the nightly pass rescores every
 * customer once, however long its score would otherwise have kept.
 */
@ApplicationScoped
public class ScoringModel {

  private String digest;

  @PostConstruct
  void init() {
    Config config = ConfigProvider.getConfig();
    SortedMap<String, String> settings = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("scoring.") && !name.startsWith("scoring.nightly.")) {
        config.getOptionalValue(name, String.class).ifPresent(v -> settings.put(name, v));
      }
    }
    digest = digestOf(settings);
  }

  public String digest() {
    return digest;
  }

  /** The SHA-256 of the sorted settings: equal settings, equal digest. */
  static String digestOf(SortedMap<String, String> settings) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : settings.entrySet()) {
        sha.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
