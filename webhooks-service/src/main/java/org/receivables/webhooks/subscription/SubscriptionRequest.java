package org.receivables.webhooks.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the tenant states it, on creation and on replacement (PUT). */
@Schema(name = "WebhookSubscriptionRequest")
public record SubscriptionRequest(
    @Schema(
            description =
                "Where to POST deliveries: https to a public address (the local run also accepts"
                    + " http://127.0.0.1)",
            example = "https://erp.example.com/webhooks/receivables")
        @NotBlank
        @Size(max = 2000)
        String url,
    @Schema(
            description = "The event types to receive (docs/webhooks.md)",
            example = "[\"invoice.issued\", \"invoice.paid\"]")
        @NotEmpty
        @Size(max = 20)
        List<@NotNull String> eventTypes,
    @Schema(example = "ERP production") @Size(max = 500) String description,
    @Schema(description = "true when absent; false pauses deliveries", example = "true")
        Boolean enabled) {}
