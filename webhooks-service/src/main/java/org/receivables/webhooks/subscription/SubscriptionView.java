package org.receivables.webhooks.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it: never its secret, which is shown once. */
@Schema(name = "WebhookSubscription")
public record SubscriptionView(
    UUID id,
    String url,
    List<String> eventTypes,
    @Schema(nullable = true) String description,
    @Schema(description = "false: nothing is delivered (by request, or disabled after failing)")
        boolean enabled,
    @Schema(
            nullable = true,
            description =
                "Why the service disabled it (every attempt failed for days); null otherwise")
        String disabledReason,
    @Schema(nullable = true) Instant disabledAt,
    @Schema(
            nullable = true,
            description = "Until then deliveries also carry the previous secret's signature")
        Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {}
