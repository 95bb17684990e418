package org.receivables.kpi.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** The replay command, for after a fix in the projection or a lost database. */
@Path("/api/v1/kpis/rebuild")
@Tag(name = "KPI administration")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

  @Inject ProjectionRebuild rebuild;
  @Inject TenantContext tenant;

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Rebuild the caller's tenant's projection from the topics",
      description =
          "Deletes the tenant's projected rows and replays the three topics from the beginning into"
              + " them, in one transaction: readers see the old figures until it commits, then the"
              + " rebuilt ones. Events of the tenant arriving meanwhile wait and are applied after."
              + " Targets are kept.")
  @APIResponse(responseCode = "200", description = "What was read and applied")
  @APIResponse(responseCode = "403", description = "Only admin rebuilds")
  public RebuildReport rebuild() {
    return rebuild.rebuild(tenant.tenantId());
  }
}
