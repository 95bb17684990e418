package org.receivables.kpi.strategy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.tenant.Roles;
import org.receivables.kpi.summary.KpiRequest;
import org.receivables.kpi.summary.Scope;

/** Which dunning steps and channels bring the money in. */
@Path("/api/v1/kpis/dunning-effectiveness")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class StrategyResource {

  @Inject KpiRequest request;
  @Inject StrategyService strategies;

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Success rate of each dunning step and channel",
      description =
          "Over the reminders and escalations sent in [from, asOf]: the share of the amount they"
              + " asked for that was paid within 14 days of each (the strategy success rate).")
  @APIResponse(responseCode = "200", description = "One row per step and channel")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public List<StrategyResult> effectiveness(
      @Parameter(description = "YYYY-MM-DD, end of the period; today when absent")
          @QueryParam("asOf")
          String asOf,
      @Parameter(description = "YYYY-MM-DD; 90 days up to asOf when absent") @QueryParam("from")
          String from,
      @Parameter(description = "ISO 4217; EUR when absent") @QueryParam("currency") String currency,
      @Parameter(description = "Only this customer") @QueryParam("customerId") String customerId,
      @Parameter(description = "Only customers of this segment") @QueryParam("segment")
          String segment) {
    Scope scope = request.scope(currency, customerId, segment);
    LocalDate end = request.asOf(asOf);
    return strategies.results(scope, request.from(from, end), end);
  }
}
