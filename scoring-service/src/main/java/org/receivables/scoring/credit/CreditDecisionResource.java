package org.receivables.scoring.credit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Credit decisions for ERP order entry, each one logged. */
@Path("/api/v1/credit-decisions")
@Tag(name = "Credit decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditDecisionResource {

  @Inject CreditService credit;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed({Roles.CREDIT_TEAM, Roles.ERP})
  @Operation(
      summary = "Decide whether a customer may take on more credit",
      description =
          "Checks exposure + amount against the credit limit, credit hold, overdue invoices and"
              + " the risk class policy; answers APPROVE, REVIEW or REJECT with every rule's"
              + " verdict, and logs the decision. An ERP that retries sends the same"
              + " Idempotency-Key: the decision is made and logged once.")
  @APIResponse(
      responseCode = "200",
      description = "The decision",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreditDecisionView.class)))
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public Response decide(@NotNull @Valid CreditDecisionRequest request) {
    return Response.ok(credit.decide(tenant.tenantId(), request, tenant.principal())).build();
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The decision log of a customer, newest first (keyset pagination)")
  @APIResponse(responseCode = "200", description = "One page of decisions")
  @APIResponse(responseCode = "400", description = "customerId missing")
  public Page<CreditDecisionView> listCreditDecisions(
      @QueryParam("customerId") String customerId,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    if (customerId == null || customerId.isBlank()) {
      throw ProblemException.invalid("customerId", "is required");
    }
    int size = Cursor.limit(limit);
    UUID after = Cursor.decodeId(cursor);
    Long before = after == null ? null : credit.seqOf(tenant.tenantId(), after);
    List<CreditDecisionView> rows =
        credit.decisions(tenant.tenantId(), customerId, before, size + 1);
    return Page.of(rows, size, d -> d.id().toString());
  }
}
