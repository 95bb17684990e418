package org.receivables.kpi.summary;

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

/** Collection KPIs for people who watch the ledger: read-only, any role. */
@Path("/api/v1/kpis")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

  static final String AS_OF = "YYYY-MM-DD; today in the tenant's time zone when absent";
  static final String FROM = "YYYY-MM-DD, first day of the period; 90 days up to asOf when absent";
  static final String CURRENCY = "ISO 4217; the suite's default currency (EUR) when absent";

  @Inject SummaryService summaries;
  @Inject CustomerRanking ranking;
  @Inject KpiRequest request;

  @GET
  @Path("summary")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Every collection KPI as of a date",
      description =
          "Outstanding, overdue and aging as of asOf; DSO (standard and count-back), best possible"
              + " DSO, average days delinquent, CEI, recovery rate, collection delays, bad-debt,"
              + " dispute and promise-kept rates over the period [from, asOf]. For the whole"
              + " tenant, or one customer (customerId) or one segment (segment). Each field's"
              + " description gives its formula.")
  @APIResponse(responseCode = "200", description = "The figures")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed; the problem names it",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public KpiSummary summary(
      @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
      @Parameter(description = FROM) @QueryParam("from") String from,
      @Parameter(description = CURRENCY) @QueryParam("currency") String currency,
      @Parameter(description = "Only this customer's figures") @QueryParam("customerId")
          String customerId,
      @Parameter(description = "Only the figures of customers of this segment")
          @QueryParam("segment")
          String segment) {
    Scope scope = request.scope(currency, customerId, segment);
    LocalDate date = request.asOf(asOf);
    return summaries.summary(scope, request.from(from, date), date);
  }

  @GET
  @Path("segments")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The KPIs of each customer segment",
      description = "One summary per segment that invoicing published for the tenant's customers.")
  @APIResponse(responseCode = "200", description = "One summary per segment")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public List<KpiSummary> segments(
      @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
      @Parameter(description = FROM) @QueryParam("from") String from,
      @Parameter(description = CURRENCY) @QueryParam("currency") String currency) {
    LocalDate date = request.asOf(asOf);
    LocalDate start = request.from(from, date);
    return summaries.bySegment(request.tenantId(), request.currency(currency), start, date);
  }

  @GET
  @Path("customers/top-overdue")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The customers with the most overdue",
      description =
          "Largest overdue first, with each customer's share of the tenant's overdue and of its"
              + " average days delinquent. A customer's own KPIs: GET /api/v1/kpis/summary?customerId=.")
  @APIResponse(responseCode = "200", description = "Up to limit customers")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  public List<CustomerOverdue> topOverdue(
      @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
      @Parameter(description = FROM) @QueryParam("from") String from,
      @Parameter(description = CURRENCY) @QueryParam("currency") String currency,
      @Parameter(description = "1 to 100, default 10") @QueryParam("limit") String limit) {
    int n = KpiRequest.integer("limit", limit, 10, 1, 100);
    Scope scope = request.scope(currency, null, null);
    LocalDate date = request.asOf(asOf);
    KpiSummary tenant = summaries.summary(scope, request.from(from, date), date);
    return ranking.topOverdue(tenant, scope, n);
  }
}
