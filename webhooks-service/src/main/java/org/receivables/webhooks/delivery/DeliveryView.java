package org.receivables.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of one event to one subscription, with every attempt made so far. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
    @Schema(
            description = "The webhook-id header, the same on every attempt",
            example = "msg_0194f1c2a3b4c5d6e7f8a9b0c1d2e3")
        String id,
    @Schema(description = "data.eventId of the payload") String eventId,
    @Schema(example = "invoice.issued") String eventType,
    @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
    @Schema(nullable = true, description = "When the next attempt is due; null unless PENDING")
        Instant nextAttemptAt,
    Instant createdAt,
    @Schema(nullable = true) Instant deliveredAt,
    List<Attempt> attempts) {

  /** One POST to the receiver. */
  @Schema(name = "WebhookAttempt")
  public record Attempt(
      Instant attemptedAt,
      @Schema(nullable = true, description = "The receiver's status; null when it never answered")
          Integer statusCode,
      long durationMs,
      @Schema(nullable = true, description = "Time-out, connection error or refused address")
          String error,
      @Schema(nullable = true, description = "The start of the receiver's answer (1 KiB at most)")
          String responseExcerpt) {}
}
