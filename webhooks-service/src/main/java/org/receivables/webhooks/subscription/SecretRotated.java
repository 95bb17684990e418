package org.receivables.webhooks.subscription;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new secret after a rotation, shown once, and until when the previous one still signs. */
@Schema(name = "WebhookSecretRotated")
public record SecretRotated(
    @Schema(description = "whsec_ + base64; shown only here") String secret,
    @Schema(description = "Until then each delivery carries both signatures")
        Instant previousSecretExpiresAt) {}
