package org.receivables.scoring.credit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/**
 * What credit managers set on a customer's credit: the limit override and the credit hold. It
 * shares the {@code /api/v1/scores} path with the score's own resource (the public contract), but
 * lives with the credit rules it acts on, so the score never depends on credit.
 */
@Path("/api/v1/scores")
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditLimitResource {

  @Inject CreditService credit;
  @Inject TenantContext tenant;

  @PUT
  @Path("{customerId}/credit-limit")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Override the recommended credit limit (or clear the override with a null limit)",
      description = "Every override is kept with its reason, author and time (audit trail).")
  @APIResponse(responseCode = "200", description = "The credit limit now in force")
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public CreditLimitView overrideLimit(
      @PathParam("customerId") UUID customer, @NotNull @Valid CreditLimitRequest request) {
    return credit.overrideLimit(
        tenant.tenantId(), customer.toString(), request, tenant.principal());
  }

  @GET
  @Path("{customerId}/credit-limit")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The recommended limit, the override and the limit in force, with the class policy")
  @APIResponse(responseCode = "200", description = "The credit limit")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public CreditLimitView limit(@PathParam("customerId") UUID customer) {
    return credit.limit(tenant.tenantId(), customer.toString());
  }

  @PUT
  @Path("{customerId}/credit-hold")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Place or release a credit hold",
      description = "Announced as receivables.credit-hold.changed.v1 when the state changes.")
  @APIResponse(responseCode = "200", description = "The hold state and its audit trail")
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public CreditHoldView setHold(
      @PathParam("customerId") UUID customer, @NotNull @Valid CreditHoldRequest request) {
    return credit.setHold(tenant.tenantId(), customer.toString(), request, tenant.principal());
  }

  @GET
  @Path("{customerId}/credit-hold")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Whether the customer is on credit hold, with every change")
  @APIResponse(responseCode = "200", description = "The hold state and its audit trail")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public CreditHoldView hold(@PathParam("customerId") UUID customer) {
    return credit.hold(tenant.tenantId(), customer.toString());
  }
}
