package org.receivables.webhooks.subscription;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.receivables.webhooks.config.WebhooksConfig;
import org.receivables.webhooks.delivery.Signatures;

/**
 * The service's one way to signing secrets: issued sealed with the configured key ({@code
 * webhooks.secrets.key}, {@code WEBHOOKS_SECRETS_KEY}), opened only to sign. A wrong or missing key
 * stops the service at start-up rather than at the first delivery.
 */
@ApplicationScoped
public class SubscriptionSecrets {

  @Inject WebhooksConfig config;

  private SecretCipher cipher;

  @PostConstruct
  void init() {
    cipher = SecretCipher.ofBase64(config.secrets().key());
  }

  /**
   * A new secret for the subscription: stored sealed in {@code stored}, answered in clear (shown
   * once).
   */
  String issue(Subscription s) {
    String secret = Signatures.newSecret();
    s.secret = cipher.seal(secret, s.id);
    return secret;
  }

  /** A stored secret, opened to sign. */
  public String open(String stored, UUID subscription) {
    return cipher.open(stored, subscription);
  }

  /** A stored value sealed, or itself when it is sealed already. */
  String sealed(String stored, UUID subscription) {
    return stored == null || SecretCipher.isSealed(stored)
        ? stored
        : cipher.seal(stored, subscription);
  }
}
