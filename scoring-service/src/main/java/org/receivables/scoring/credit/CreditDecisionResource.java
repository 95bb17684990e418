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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
  @RolesAllowed({Roles.ERP, Roles.CREDIT_MANAGER, Roles.ADMIN})
  @Operation(
      summary = "Decide whether a customer may take on more credit",
      description =
          "Checks exposure + amount against the credit limit, credit hold, overdue invoices and"
              + " the risk class policy; answers APPROVE, REVIEW or REJECT with every rule's"
              + " verdict, and logs the decision.")
  @APIResponse(responseCode = "200", description = "The decision")
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public CreditDecisionView decide(@NotNull @Valid CreditDecisionRequest request) {
    return credit.decide(tenant.tenantId(), request, tenant.principal());
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.CREDIT_MANAGER, Roles.COLLECTOR, Roles.ADMIN, Roles.ERP})
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
