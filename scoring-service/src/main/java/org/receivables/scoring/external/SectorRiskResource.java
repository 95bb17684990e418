package org.receivables.scoring.external;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** The tenant's sector risk table; a change rescores every customer of that sector. */
@Path("/api/v1/scores/sector-risks")
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SectorRiskResource {

  @Inject SectorRisks sectors;
  @Inject TenantContext tenant;

  @PUT
  @Path("{sector}")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Set the risk of a sector",
      description =
          "The sector is matched against customers' segment; their scores are recomputed.")
  @APIResponse(responseCode = "200", description = "The sector's row")
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  public SectorRisk setSectorRisk(
      @Parameter(
              description = "The sector, as written in customers' segment",
              schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 50))
          @PathParam("sector")
          @NotBlank
          @Size(max = 50)
          String sector,
      @NotNull @Valid SectorRiskRequest request) {
    return sectors.set(
        tenant.tenantId(), sector, request.level(), request.note(), tenant.principal());
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The sector risk table (keyset pagination by sector)")
  @APIResponse(responseCode = "200", description = "One page of sectors")
  public Page<SectorRisk> listSectorRisks(
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    int size = Cursor.limit(limit);
    List<SectorRisk> rows = sectors.list(tenant.tenantId(), Cursor.decode(cursor), size + 1);
    return Page.of(rows, size, SectorRisk::sector);
  }
}
