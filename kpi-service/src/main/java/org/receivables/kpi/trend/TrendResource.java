package org.receivables.kpi.trend;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
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
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kpi.summary.KpiRequest;

/** Daily figures over time, read from the kept snapshots. */
@Path("/api/v1/kpis/trend")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

  static final int MAX_POINTS = 400;

  @Inject KpiRequest request;
  @Inject SnapshotService snapshots;

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The tenant's KPIs over time",
      description =
          "One point per day, week (Sundays) or month end between from and to, and one for to."
              + " Each point holds the figures as of that day over the 90 days ending on it.")
  @APIResponse(responseCode = "200", description = "Oldest point first")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed or asks for more than 400 points",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public List<TrendPoint> trend(
      @Parameter(description = "YYYY-MM-DD; 12 months before to when absent") @QueryParam("from")
          String from,
      @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("to") String to,
      @Parameter(description = "DAY, WEEK or MONTH (default)") @QueryParam("interval")
          String interval,
      @Parameter(description = "ISO 4217; EUR when absent") @QueryParam("currency")
          String currency) {
    LocalDate end = request.asOf(QueryParams.date("to", to) == null ? null : to);
    LocalDate start = QueryParams.date("from", from);
    if (start == null) {
      start = end.minusMonths(12);
    }
    if (start.isAfter(end)) {
      throw ProblemException.invalid("from", "must be on or before to (" + end + ")");
    }
    if (java.time.temporal.ChronoUnit.DAYS.between(start, end) > 366L * 40) {
      throw ProblemException.invalid("from", "the trend may span at most 40 years");
    }
    Interval step;
    try {
      step =
          interval == null ? Interval.MONTH : Interval.valueOf(interval.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("interval", "must be DAY, WEEK or MONTH");
    }
    List<LocalDate> days = step.points(start, end);
    if (days.size() > MAX_POINTS) {
      throw ProblemException.invalid(
          "interval", "asks for " + days.size() + " points; at most " + MAX_POINTS);
    }
    return snapshots.points(request.tenantId(), request.currency(currency), days);
  }
}
