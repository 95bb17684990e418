package org.receivables.dunning.commitment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.dunning.common.Params;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** Amicable settlement: promises to pay and payment plans, which pause dunning while kept. */
@Path("/api/v1/dunning")
@Tag(name = "Promises and payment plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitmentResource {

  @Inject PromiseService promises;
  @Inject PlanService plans;
  @Inject CommitmentReview commitments;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;

  @POST
  @Path("promises")
  @RolesAllowed(Roles.COLLECTION_TEAM)
  @Operation(
      summary = "Record a promise to pay",
      description =
          "Pauses dunning on the invoices until kept (payments reach the amount) or broken (the"
              + " promised date plus grace passes). Publishes PromiseMade, then PromiseKept or PromiseBroken.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "409", description = "An invoice is already under an active promise")
  @Idempotent
  public Response promise(PromiseRequest request, @Context UriInfo uri) {
    return created(
        uri, promises.promise(tenant.tenantId(), request, tenant.principal(), calendar.today()));
  }

  @GET
  @Path("promises/{id}")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "A promise to pay")
  @APIResponse(
      responseCode = "200",
      description = "The promise",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public CommitmentView getPromise(@PathParam("id") UUID id) {
    return promises.view(tenant.tenantId(), id);
  }

  @POST
  @Path("payment-plans")
  @RolesAllowed(Roles.COLLECTION_TEAM)
  @Operation(
      summary = "Agree a payment plan",
      description =
          "Instalments must add up to what is owed on the invoices. Pauses dunning while kept; a missed"
              + " instalment (after the grace days) breaks it and dunning resumes. Publishes PaymentPlanAgreed, then"
              + " PaymentPlanCompleted or PaymentPlanBroken.")
  @APIResponse(
      responseCode = "201",
      description = "Agreed",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "409", description = "An invoice is already under an active plan")
  @Idempotent
  public Response plan(PlanRequest request, @Context UriInfo uri) {
    return created(
        uri, plans.plan(tenant.tenantId(), request, tenant.principal(), calendar.today()));
  }

  private static Response created(UriInfo uri, CommitmentView v) {
    return Created.at(uri, v.id(), v);
  }

  @GET
  @Path("payment-plans/{id}")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "A payment plan")
  @APIResponse(
      responseCode = "200",
      description = "The plan",
      content = @Content(schema = @Schema(implementation = CommitmentView.class)))
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public CommitmentView getPlan(@PathParam("id") UUID id) {
    return plans.view(tenant.tenantId(), id);
  }

  @GET
  @Path("commitments")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Promises and plans, optionally of one customer")
  @APIResponse(responseCode = "200", description = "Promises, then plans, oldest first")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Map<String, List<CommitmentView>> list(@QueryParam("customerId") String customerId) {
    return Map.of(
        "items", commitments.list(tenant.tenantId(), Params.ref("customerId", customerId, false)));
  }
}
