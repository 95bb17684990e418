package org.receivables.kpi.target;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kpi.summary.KpiRequest;

/** Targets a tenant sets for its KPIs, and how the figures stand against them. */
@Path("/api/v1/kpis")
@Tag(name = "KPI targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

  @Inject TargetService targets;
  @Inject VarianceService variances;
  @Inject KpiRequest request;
  @Inject TenantContext tenant;

  @GET
  @Path("targets")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The tenant's KPI targets")
  @APIResponse(responseCode = "200", description = "One per KPI with a target")
  public List<Target> list() {
    return targets.list(tenant.tenantId());
  }

  @PUT
  @Path("targets/{kpi}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Set the target of one KPI",
      description =
          "E.g. DSO {\"value\": 45} (at most 45 days), CEI {\"value\": 80} (at least 80 %).")
  @APIResponse(responseCode = "200", description = "The target as set")
  @APIResponse(
      responseCode = "400",
      description = "Unknown KPI or invalid body; the problem names the field",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "Only admin and credit-manager set targets")
  public Target set(
      @Parameter(description = "DSO, CEI, RECOVERY_RATE, ... (see Target.kpi)") @PathParam("kpi")
          String kpi,
      @Valid @NotNull TargetRequest body) {
    return targets.set(tenant.tenantId(), kpi(kpi), body, tenant.principal());
  }

  @DELETE
  @Path("targets/{kpi}")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(summary = "Remove the target of one KPI")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "The KPI had no target")
  @APIResponse(
      responseCode = "400",
      description = "Unknown KPI",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public Response remove(@PathParam("kpi") String kpi) {
    Kpi which = kpi(kpi);
    if (!targets.remove(tenant.tenantId(), which)) {
      throw ProblemException.notFound("Target of", which);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("variance")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Actual against target",
      description =
          "For each KPI with a target: actual as of asOf over [from, asOf], gap, whether met, trend"
              + " over the last six month ends (each over the 90 days ending that day), and the"
              + " customers contributing most to the gap.")
  @APIResponse(responseCode = "200", description = "The report")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public VarianceReport variance(
      @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("asOf") String asOf,
      @Parameter(description = "YYYY-MM-DD; 90 days up to asOf when absent") @QueryParam("from")
          String from,
      @Parameter(description = "ISO 4217; EUR when absent") @QueryParam("currency")
          String currency) {
    LocalDate date = request.asOf(asOf);
    return variances.report(request.scope(currency, null, null), request.from(from, date), date);
  }

  private static Kpi kpi(String value) {
    try {
      return Kpi.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("kpi", "must be one of " + Arrays.toString(Kpi.values()));
    }
  }
}
