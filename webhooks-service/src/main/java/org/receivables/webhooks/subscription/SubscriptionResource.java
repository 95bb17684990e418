package org.receivables.webhooks.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.Created;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** The tenant's webhook subscriptions (docs/webhooks.md): the ERP's push channel. */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ERP})
public class SubscriptionResource {

  static final String BAD_REQUEST =
      "Invalid request: an unknown event type, a URL that is not allowed; errors name the field";

  @Inject SubscriptionService subscriptions;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Subscribe an endpoint to event types",
      description =
          "Answers the signing secret (whsec_ + base64) once: keep it. Deliveries are Standard"
              + " Webhooks POSTs of {type, timestamp, data}.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed; Location names it, ETag its version",
      content = @Content(schema = @Schema(implementation = SubscriptionCreated.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  public Response createWebhook(@NotNull @Valid SubscriptionRequest request, @Context UriInfo uri) {
    Subscription s = subscriptions.create(tenant.tenantId(), request);
    return Created.builder(uri, s.id).tag(etag(s)).entity(SubscriptionCreated.of(s)).build();
  }

  @GET
  @Operation(summary = "List the tenant's subscriptions (keyset pagination)")
  @APIResponse(responseCode = "200", description = "A page of subscriptions")
  @APIResponse(responseCode = "400", description = "cursor or limit is invalid")
  public Page<SubscriptionView> listWebhooks(
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit) {
    Page<Subscription> page =
        subscriptions.list(tenant.tenantId(), cursor, QueryParams.integer("limit", limit));
    return new Page<>(page.items().stream().map(Subscription::view).toList(), page.nextCursor());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a subscription (never its secret)")
  @APIResponse(
      responseCode = "200",
      description = "The subscription, with its ETag",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription in this tenant")
  public Response getWebhook(@PathParam("id") UUID id) {
    Subscription s = subscriptions.get(tenant.tenantId(), id);
    return Response.ok(s.view()).tag(etag(s)).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a subscription (optimistic locking with If-Match)",
      description =
          "url, eventTypes, description, enabled as on creation; enabled true re-enables one the"
              + " service disabled. The secret is kept (rotate it with .../secret/rotate).")
  @APIResponse(
      responseCode = "200",
      description = "Replaced; ETag is the new version",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such subscription in this tenant")
  @APIResponse(responseCode = "412", description = "It changed since the If-Match version")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response updateWebhook(
      @PathParam("id") UUID id,
      @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag you read, e.g. \"0\"; * replaces any version")
          @HeaderParam("If-Match")
          String ifMatch,
      @NotNull @Valid SubscriptionRequest request) {
    Subscription s = subscriptions.update(tenant.tenantId(), id, ifMatchVersion(ifMatch), request);
    return Response.ok(s.view()).tag(etag(s)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a subscription, its pending deliveries and its log")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such subscription in this tenant")
  public Response deleteWebhook(@PathParam("id") UUID id) {
    subscriptions.delete(tenant.tenantId(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/secret/rotate")
  @Operation(
      summary = "Rotate the signing secret",
      description =
          "Answers the new secret once. During the grace period (24 h by default) every delivery"
              + " carries two signatures, one per secret, so the receiver can switch at leisure.")
  @APIResponse(
      responseCode = "200",
      description = "The new secret",
      content = @Content(schema = @Schema(implementation = SecretRotated.class)))
  @APIResponse(responseCode = "404", description = "No such subscription in this tenant")
  public SecretRotated rotateWebhookSecret(@PathParam("id") UUID id) {
    Subscription s = subscriptions.rotate(tenant.tenantId(), id);
    return new SecretRotated(s.issuedSecret, s.previousExpiresAt);
  }

  private static EntityTag etag(Subscription s) {
    return new EntityTag(Long.toString(s.version));
  }

  /** The version an If-Match names ({@code "3"}, {@code W/"3"}), -1 for {@code *}. */
  static long ifMatchVersion(String header) {
    if (header == null || header.isBlank()) {
      throw new ProblemException(
          428, "Precondition required", "Send If-Match with the ETag you read");
    }
    String tag = header.strip().replaceFirst("^W/", "");
    if (tag.equals("*")) {
      return -1;
    }
    try {
      return Long.parseLong(tag.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "must be an ETag returned by this API");
    }
  }
}
