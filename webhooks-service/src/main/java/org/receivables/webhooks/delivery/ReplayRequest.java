package org.receivables.webhooks.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A time range of events to deliver again to one subscription. */
@Schema(name = "WebhookReplayRequest")
public record ReplayRequest(
    @Schema(description = "From this instant, included", example = "2026-12-01T00:00:00Z") @NotNull
        Instant from,
    @Schema(description = "Up to this instant, excluded", example = "2026-12-02T00:00:00Z") @NotNull
        Instant to) {}
