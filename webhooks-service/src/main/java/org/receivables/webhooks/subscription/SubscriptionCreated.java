package org.receivables.webhooks.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a creation: the subscription and its signing secret, shown this once. */
@Schema(name = "WebhookSubscriptionCreated")
public record SubscriptionCreated(
    UUID id,
    String url,
    List<String> eventTypes,
    @Schema(nullable = true) String description,
    boolean enabled,
    @Schema(
            description =
                "whsec_ + base64 of the HMAC key; shown only here: keep it, it is never shown again",
            example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,
    Instant createdAt) {

  static SubscriptionCreated of(Subscription s) {
    return new SubscriptionCreated(
        s.id, s.url, List.of(s.eventTypes), s.description, s.enabled, s.issuedSecret, s.createdAt);
  }
}
