package org.receivables.webhooks.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.page.Page;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** A subscription's delivery log, manual retry and replay. */
@Path("/api/v1/webhooks/{id}")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ERP})
public class DeliveryResource {

  @Inject DeliveryLog log;
  @Inject TenantContext tenant;

  @GET
  @Path("deliveries")
  @Operation(
      summary = "The subscription's deliveries, newest first, each with its attempts",
      description = "Keyset pagination; every attempt with its status code, duration and answer.")
  @APIResponse(responseCode = "200", description = "A page of deliveries")
  @APIResponse(responseCode = "400", description = "cursor or limit is invalid")
  @APIResponse(responseCode = "404", description = "No such subscription in this tenant")
  public Page<DeliveryView> listWebhookDeliveries(
      @PathParam("id") UUID id,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit) {
    return log.list(tenant.tenantId(), id, cursor, QueryParams.integer("limit", limit));
  }

  @POST
  @Path("deliveries/{deliveryId}/retry")
  @Operation(
      summary = "Attempt a delivery again now",
      description =
          "Same webhook-id as before; also for a delivery that failed for good (one more"
              + " attempt).")
  @APIResponse(
      responseCode = "202",
      description = "Due now; the worker attempts it within a second",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription or delivery")
  @APIResponse(
      responseCode = "409",
      description = "Delivered already, or the subscription is disabled")
  public Response retryWebhookDelivery(
      @PathParam("id") UUID id,
      @Parameter(example = "msg_0194f1c2a3b4c5d6e7f8a9b0c1d2e3") @PathParam("deliveryId")
          String deliveryId) {
    return Response.accepted(log.retry(tenant.tenantId(), id, deliveryId)).build();
  }

  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Deliver again every event of a time range",
      description =
          "New deliveries (new webhook-ids, same payloads and data.eventId) of the events received"
              + " in [from, to) of the types the subscription has; at most 10000 per call.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = ReplayAccepted.class)))
  @APIResponse(responseCode = "400", description = "from/to missing or not in order, range too big")
  @APIResponse(responseCode = "404", description = "No such subscription in this tenant")
  @APIResponse(responseCode = "409", description = "The subscription is disabled")
  public Response replayWebhookEvents(
      @PathParam("id") UUID id, @NotNull @Valid ReplayRequest request) {
    int queued = log.replay(tenant.tenantId(), id, request.from(), request.to());
    return Response.accepted(new ReplayAccepted(queued)).build();
  }
}
