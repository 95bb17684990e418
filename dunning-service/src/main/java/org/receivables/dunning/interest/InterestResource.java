package org.receivables.dunning.interest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.dunning.common.Params;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Late-payment interest and the reference-rate table it uses. */
@Path("/api/v1/dunning")
@Tag(name = "Late-payment interest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InterestResource {

  @Inject InterestService interest;
  @Inject TenantContext tenant;

  /** A reference rate as entered. */
  @Schema(name = "ReferenceRateRequest")
  public record RateRequest(
      @Schema(
              required = true,
              description =
                  "ECB main refinancing rate in force on the first day of the half-year, percent",
              example = "2.15")
          BigDecimal ecbRate,
      @Schema(example = "ECB press release of 5 June 2025") String source) {}

  @GET
  @Path("interest")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Late-payment interest and indemnity on an invoice as of a date",
      description =
          "Under the customer's policy basis (FR: ECB + 10 points, EU: ECB + 8 points, or contractual),"
              + " split by half-year and by changes of the principal, plus 40 EUR per late invoice.")
  @APIResponse(
      responseCode = "200",
      description = "The claim, line by line",
      content = @Content(schema = @Schema(implementation = InterestService.Claim.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = "No such invoice in this tenant")
  public InterestService.Claim claim(
      @QueryParam("invoiceId") String invoiceId, @QueryParam("asOf") String asOf) {
    String id = Params.ref("invoiceId", invoiceId, true);
    LocalDate date = QueryParams.date("asOf", asOf);
    if (date == null) {
      throw ProblemException.invalid("asOf", "is required (YYYY-MM-DD)");
    }
    return interest.claim(tenant.tenantId(), id, date);
  }

  @GET
  @Path("interest-rates")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The reference-rate table by half-year, with the FR and EU rates derived from it")
  @APIResponse(responseCode = "200", description = "The table, oldest first")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Map<String, List<InterestService.RateRow>> rates() {
    return Map.of("items", interest.rates(tenant.tenantId()));
  }

  @PUT
  @Path("interest-rates/{halfYear}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Enter or correct the ECB rate of a half-year (e.g. 2026-H1)",
      description = "Data, not code: takes effect at once for this tenant, without a release.")
  @APIResponse(
      responseCode = "200",
      description = "The half-year's rates",
      content = @Content(schema = @Schema(implementation = InterestService.RateRow.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  public InterestService.RateRow putRate(
      @Parameter(
              description = "The half-year, such as 2026-H1",
              schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-H[12]$"))
          @PathParam("halfYear")
          String halfYear,
      RateRequest request) {
    HalfYear h = HalfYear.parse("halfYear", halfYear);
    if (request == null) {
      throw ProblemException.invalid("ecbRate", "is required");
    }
    return interest.putRate(tenant.tenantId(), h, request.ecbRate(), request.source());
  }
}
