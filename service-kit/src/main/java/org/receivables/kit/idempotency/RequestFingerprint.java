package org.receivables.kit.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: method, path and body. A client that
 * reuses a key for another request made a mistake we must refuse, not silently answer with the
 * first request's result.
 */
public final class RequestFingerprint {

  private RequestFingerprint() {}

  /** SHA-256, hex, of method, path and body (the body as canonical JSON text, or empty). */
  public static String of(String method, String path, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(method.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The 64-bit advisory-lock key of a tenant's idempotency key: requests with the same key
   * serialise on it, so a concurrent duplicate is detected before any work is done.
   */
  public static long lockKey(String tenantId, String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(("idempotency\n" + tenantId + "\n" + key).getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
