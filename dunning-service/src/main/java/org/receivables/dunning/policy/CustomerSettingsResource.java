package org.receivables.dunning.policy;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** Per-customer dunning settings: exemption and policy assignment. */
@Path("/api/v1/dunning/customers/{customerId}")
@Tag(name = "Dunning policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerSettingsResource {

  @Inject CustomerSettingsService settings;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;

  @GET
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "A customer as dunning sees it, with the policy that applies")
  @APIResponse(
      responseCode = "200",
      description = "The customer",
      content = @Content(schema = @Schema(implementation = CustomerSettingsView.class)))
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = "Unknown customer")
  public CustomerSettingsView get(@PathParam("customerId") UUID customerId) {
    return settings.get(tenant.tenantId(), customerId.toString());
  }

  @PUT
  @Path("settings")
  @RolesAllowed(Roles.COLLECTION_TEAM)
  @Operation(summary = "Exempt a customer from dunning, or assign it a policy")
  @APIResponse(
      responseCode = "200",
      description = "The customer with its new settings",
      content = @Content(schema = @Schema(implementation = CustomerSettingsView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "404", description = "Unknown policy")
  public CustomerSettingsView put(
      @PathParam("customerId") UUID customerId, @NotNull @Valid CustomerSettingsRequest request) {
    return settings.put(
        tenant.tenantId(), customerId.toString(), request, tenant.principal(), calendar.today());
  }
}
