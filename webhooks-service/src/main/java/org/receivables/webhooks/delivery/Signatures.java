package org.receivables.webhooks.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Standard Webhooks headers of one attempt, signed by the specification's maintained Java
 * library rather than by HMAC code of ours: {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature}, one {@code v1,<base64>} per secret, space-separated, so
 * that during a rotation's grace period a receiver holding either secret verifies the delivery.
 */
public final class Signatures {

  /** The prefix of a secret, as the specification writes it. */
  public static final String PREFIX = "whsec_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /** A new secret: {@code whsec_} and the base64 of 32 random bytes (a 256-bit HMAC key). */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * The headers of an attempt.
   *
   * @param secrets the current secret first, then any still in their grace period
   */
  public static Map<String, String> headers(
      String webhookId, long timestampSeconds, String body, List<String> secrets) {
    List<String> signatures = new ArrayList<>(secrets.size());
    for (String secret : secrets) {
      try {
        signatures.add(new Webhook(secret).sign(webhookId, timestampSeconds, body));
      } catch (WebhookSigningException | EmptyWebhookSecretException e) {
        throw new IllegalStateException("cannot sign with HMAC-SHA256", e);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", webhookId);
    headers.put("webhook-timestamp", Long.toString(timestampSeconds));
    headers.put("webhook-signature", String.join(" ", signatures));
    return headers;
  }
}
