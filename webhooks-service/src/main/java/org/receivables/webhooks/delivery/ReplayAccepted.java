package org.receivables.webhooks.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many deliveries a replay queued. */
@Schema(name = "WebhookReplayAccepted")
public record ReplayAccepted(
    @Schema(description = "New deliveries queued, one per event of the range and subscribed type")
        int deliveries) {}
