package org.receivables.scoring.financials;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.page.Page;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Customers' financial statements, one per fiscal year, with ratios and Altman Z''. */
@Path("/api/v1/financial-statements")
@Tag(name = "Financial statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FinancialStatementResource {

  @Inject FinancialStatementService statements;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed({Roles.CREDIT_TEAM, Roles.ERP})
  @Operation(
      summary = "File a customer's statement for one fiscal year",
      description =
          "Impossible statements (a part above its whole, negative assets, a balance sheet that"
              + " does not balance within 1 %) are rejected with the field named. Filing the same"
              + " fiscal year again replaces it (a restatement) and answers 200. The customer's"
              + " score is recomputed.")
  @APIResponse(
      responseCode = "201",
      description = "Filed; Location names the statement",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StatementView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced the statement of the same fiscal year",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StatementView.class)))
  @APIResponse(responseCode = "400", description = "Invalid or impossible statement (problem+json)")
  public Response fileStatement(@NotNull @Valid StatementRequest request, @Context UriInfo uri) {
    FinancialStatementService.Filed filed =
        statements.file(tenant.tenantId(), request, tenant.principal());
    StatementView view = StatementView.of(filed.statement());
    return filed.restated() ? Response.ok(view).build() : Created.at(uri, view.id(), view);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Read a statement with its ratios")
  @APIResponse(responseCode = "200", description = "The statement")
  @APIResponse(responseCode = "404", description = "No such statement in this tenant")
  public StatementView getStatement(@PathParam("id") UUID id) {
    return StatementView.of(statements.get(tenant.tenantId(), id));
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "A customer's statements, latest fiscal year first (keyset pagination)")
  @APIResponse(responseCode = "200", description = "One page of statements")
  @APIResponse(responseCode = "400", description = "customerId missing")
  public Page<StatementView> listStatements(
      @QueryParam("customerId") String customerId,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    Page<FinancialStatement> page = statements.list(tenant.tenantId(), customerId, cursor, limit);
    return new Page<>(page.items().stream().map(StatementView::of).toList(), page.nextCursor());
  }
}
