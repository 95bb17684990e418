package org.receivables.kpi.forecast;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.tenant.Roles;
import org.receivables.kpi.summary.KpiRequest;

/** Where the cash will come from in the next weeks, and how well it was foreseen. */
@Path("/api/v1/kpis/cash-forecast")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

  @Inject KpiRequest request;
  @Inject ForecastService forecasts;

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Cash-in forecast for the weeks after a date",
      description =
          "The forecast as it would have been made on asOf (default today), week by week; for"
              + " weeks already begun it shows what actually came in beside what was expected.")
  @APIResponse(responseCode = "200", description = "The forecast")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public CashForecast forecast(
      @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("asOf") String asOf,
      @Parameter(description = "ISO 4217; EUR when absent") @QueryParam("currency") String currency,
      @Parameter(description = "Only this customer") @QueryParam("customerId") String customerId,
      @Parameter(description = "Only customers of this segment") @QueryParam("segment")
          String segment,
      @Parameter(description = "1 to 52, default 13") @QueryParam("weeks") String weeks) {
    int n = KpiRequest.integer("weeks", weeks, 13, 1, 52);
    return forecasts.forecast(
        request.scope(currency, customerId, segment), request.asOf(asOf), n, request.today());
  }
}
