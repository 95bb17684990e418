package org.receivables.dunning.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** The creditor details printed on the tenant's reminders. */
@Path("/api/v1/dunning/creditor-profile")
@Tag(name = "Dunning policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

  @Inject TenantProfiles profiles;
  @Inject TenantContext tenant;

  @GET
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Creditor name, address and bank details used in reminders")
  @APIResponse(responseCode = "200", description = "The profile (service defaults fill gaps)")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public TenantProfile get() {
    return profiles.get(tenant.tenantId());
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Set the creditor details used in reminders")
  @APIResponse(responseCode = "200", description = "The profile")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  public TenantProfile put(@NotNull @Valid TenantProfile profile) {
    return profiles.put(tenant.tenantId(), profile);
  }
}
