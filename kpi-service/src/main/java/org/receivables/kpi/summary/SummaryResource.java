package org.receivables.kpi.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** Collection KPIs for people who watch the ledger: read-only, any role. */
@Path("/api/v1/kpis")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

  @Inject SummaryService summaries;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;

  @ConfigProperty(name = "kpi.default-currency")
  String defaultCurrency;

  @GET
  @Path("summary")
  @RolesAllowed({Roles.VIEWER, Roles.ADMIN, Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER})
  @Operation(summary = "Outstanding, overdue and aging as of a date")
  public KpiSummary summary(
      @Parameter(description = "YYYY-MM-DD; today in the tenant's time zone when absent")
          @QueryParam("asOf")
          String asOf,
      @Parameter(description = "ISO 4217; the suite's default currency when absent")
          @QueryParam("currency")
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
          String currency) {
    String cur = currency == null ? defaultCurrency : currency;
    if (Money.currency(cur).isEmpty()) {
      throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
    }
    return summaries.summary(
        tenant.tenantId(), calendar.asOfOrToday(QueryParams.date("asOf", asOf)), cur);
  }
}
