package org.receivables.dunning.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.Created;
import org.receivables.kit.request.Prefer;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Dunning runs: on demand for an explicit date, or a dry run that shows what would happen. */
@Path("/api/v1/dunning/runs")
@Tag(name = "Dunning runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

  @Inject RunService runs;
  @Inject RunQueries store;
  @Inject TenantContext tenant;

  @POST
  @RolesAllowed(Roles.COLLECTION_TEAM)
  @Operation(
      summary = "Run dunning as of a date",
      description =
          "Sends every reminder due as of asOf, one per customer, step and channel, listing all"
              + " invoices at that step; creates call tasks, escalations and credit-hold requests. No invoice gets the"
              + " same step twice: running again for the same or an earlier date sends nothing new. With dryRun the"
              + " answer lists what would be done and nothing is sent or recorded. With the header"
              + " Prefer: respond-async the run is accepted (202, Location of the run) and done in the"
              + " background: poll GET /dunning/runs/{id} until its status is COMPLETED or FAILED and read"
              + " its actions a page at a time from /dunning/runs/{id}/actions.")
  @APIResponse(
      responseCode = "201",
      description = "The run and what it did",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Dry run: what would be done",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "202",
      description =
          "Prefer: respond-async: the run is accepted, RUNNING; it goes on in the background",
      headers = {
        @Header(
            name = "Location",
            description = "The run, to poll",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Preference-Applied",
            description = "respond-async",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @Transactional
  @TransactionConfiguration(timeout = RunService.RUN_TIMEOUT_SECONDS)
  @Idempotent
  public Response run(
      RunRequest request,
      @Parameter(
              description =
                  "respond-async to have the run done in the background (202); a dry run always"
                      + " answers at once")
          @HeaderParam("Prefer")
          String prefer,
      @Context UriInfo uri) {
    if (request == null || request.asOf() == null) {
      throw ProblemException.invalid("asOf", "is required (YYYY-MM-DD)");
    }
    boolean dry = Boolean.TRUE.equals(request.dryRun());
    if (!dry && Prefer.respondAsync(prefer)) {
      RunView accepted = runs.accept(tenant.tenantId(), request.asOf(), "API", tenant.principal());
      return Created.builder(uri, accepted.id())
          .status(Response.Status.ACCEPTED)
          .header("Preference-Applied", Prefer.RESPOND_ASYNC)
          .entity(accepted)
          .build();
    }
    RunView view = runs.run(tenant.tenantId(), request.asOf(), dry, "API", tenant.principal());
    if (dry) {
      return Response.ok(view).build();
    }
    return Created.at(uri, view.id(), view);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "A run and what it did")
  @APIResponse(
      responseCode = "200",
      description = "The run",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public RunView get(@PathParam("id") UUID id) {
    return store.run(tenant.tenantId(), id);
  }

  @GET
  @Path("{id}/actions")
  @RolesAllowed(Roles.STAFF)
  @Operation(
      summary = "What a run did, one action per customer and step (keyset pages)",
      description = "Complete once the run is COMPLETED; in the run's order.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the run's actions",
      content = @Content(schema = @Schema(implementation = ActionPage.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public Page<RunView.Action> actions(
      @PathParam("id") UUID id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return store.actions(tenant.tenantId(), id, cursor, Cursor.limit(limit));
  }

  /** The documented shape of a page of actions. */
  @Schema(name = "DunningRunActionPage")
  record ActionPage(
      List<RunView.Action> items,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Absent on the last page", nullable = true)
          String nextCursor) {}

  @GET
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Runs of the tenant (keyset pages)")
  @APIResponse(responseCode = "200", description = "A page of runs")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Page<RunView> list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    return store.runs(tenant.tenantId(), cursor, Cursor.limit(limit));
  }
}
