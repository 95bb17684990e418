package org.receivables.dunning.collect;

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
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** The collectors' worklist and the collection-agency export. */
@Path("/api/v1/dunning")
@Tag(name = "Collection work")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CollectResource {

  @Inject CollectService collect;
  @Inject Replica replica;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;

  @GET
  @Path("call-tasks")
  @RolesAllowed(Roles.STAFF)
  @Operation(
      summary = "The call worklist, highest expected value first",
      description =
          "Expected value = amount at stake x probability of collecting (from the customer's score).")
  @APIResponse(responseCode = "200", description = "Up to 500 tasks")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Map<String, List<CallTaskView>> worklist(
      @QueryParam("status") String status, @QueryParam("customerId") String customerId) {
    if (status != null && !status.matches("OPEN|DONE")) {
      throw ProblemException.invalid("status", "must be OPEN or DONE");
    }
    return Map.of(
        "items",
        collect.worklist(tenant.tenantId(), status, Params.ref("customerId", customerId, false)));
  }

  @POST
  @Path("call-tasks/{id}/outcome")
  @RolesAllowed(Roles.COLLECTORS)
  @Operation(
      summary = "Log the outcome of a call",
      description =
          "NO_ANSWER and CALL_BACK keep the task open; other outcomes close it. Goes to the case timeline.")
  @APIResponse(
      responseCode = "200",
      description = "The task",
      content = @Content(schema = @Schema(implementation = CallTaskView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "The task is already done")
  public CallTaskView outcome(
      @PathParam("id") UUID id, @NotNull @Valid CallOutcomeRequest request) {
    return collect.outcome(tenant.tenantId(), id, request, tenant.principal(), calendar.today());
  }

  @GET
  @Path("agency-handovers")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Invoices handed over to the collection agency")
  @APIResponse(responseCode = "200", description = "Hand-overs, oldest first")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Map<String, List<CollectService.Handover>> handovers(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    return Map.of(
        "items",
        collect.handovers(
            tenant.tenantId(), QueryParams.date("from", from), QueryParams.date("to", to)));
  }

  @GET
  @Path("agency-handovers/export")
  @Produces("text/csv")
  @RolesAllowed(Roles.COLLECTION_TEAM)
  @Operation(summary = "The hand-overs as a CSV file for the agency")
  @APIResponse(responseCode = "200", description = "CSV, semicolon-separated, UTF-8")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
    String t = tenant.tenantId();
    String csv =
        collect.csv(
            t,
            collect.handovers(t, QueryParams.date("from", from), QueryParams.date("to", to)),
            replica);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"agency-handovers.csv\"")
        .build();
  }
}
