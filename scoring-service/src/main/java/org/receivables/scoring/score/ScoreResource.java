package org.receivables.scoring.score;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.external.ExternalRatingRequest;
import org.receivables.scoring.external.RecordedRating;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.limit.LimitOverrides;

/**
 * A customer's creditworthiness, its history, the payment figures behind it and the external rating
 * credit managers enter. Reads are open to every role; changes to credit managers. (Limit overrides
 * and holds, under the same path, are {@code credit}'s {@code CreditLimitResource}.)
 */
@Path("/api/v1/scores")
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoreResource {

  @Inject ScoreService scores;
  @Inject CreditHolds holds;
  @Inject LimitOverrides overrides;
  @Inject Ratings ratings;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;

  @GET
  @Path("{customerId}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "A customer's score, risk class, probability of default, credit limit and reasons",
      description =
          "Without asOf: the stored score, kept up to date by every event and the nightly run."
              + " With asOf: computed for that date, not stored.")
  @APIResponse(responseCode = "200", description = "The score")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public ScoreView getScore(
      @PathParam("customerId") UUID customer,
      @Parameter(
              description =
                  "YYYY-MM-DD: compute as of this date instead of reading the stored score")
          @QueryParam("asOf")
          String asOf) {
    String customerId = customer.toString();
    String t = tenant.tenantId();
    LocalDate date = QueryParams.date("asOf", asOf);
    boolean onHold = holds.onHold(t, customerId);
    if (date == null) {
      StoredScore s = scores.stored(t, customerId).orElse(null);
      if (s != null) {
        return ScoreView.of(s, overrides.inForce(t, customerId).isPresent(), onHold);
      }
      date = calendar.today();
    }
    ScoreService.Evaluation e = scores.evaluate(t, customerId, date);
    return new ScoreView(
        customerId,
        e.result().score(),
        e.result().riskClass(),
        e.result().probabilityOfDefault(),
        e.creditLimit(),
        e.currency(),
        e.recommendation().limit(),
        e.override() != null,
        onHold,
        e.result().reasons(),
        date,
        Instant.now(clock));
  }

  @GET
  @Path("{customerId}/history")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Every change of the customer's score, class or limit, newest first")
  @APIResponse(responseCode = "200", description = "One page of history (keyset pagination)")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public Page<ScoreHistoryEntry> history(
      @PathParam("customerId") UUID customer,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    String customerId = customer.toString();
    String t = tenant.tenantId();
    scores.customer(t, customerId);
    int size = Cursor.limit(limit);
    Long before = cursorId(Cursor.decode(cursor));
    Page<ScoreRepository.HistoryRow> page =
        Page.of(scores.history(t, customerId, before, size + 1), size, r -> String.valueOf(r.id()));
    return new Page<>(
        page.items().stream().map(ScoreRepository.HistoryRow::entry).toList(), page.nextCursor());
  }

  @GET
  @Path("{customerId}/behaviour")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The payment behaviour figures behind the score, as of a date")
  @APIResponse(responseCode = "200", description = "The figures")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public BehaviourView behaviour(
      @PathParam("customerId") UUID customer,
      @Parameter(description = "YYYY-MM-DD; today in the tenant's time zone when absent")
          @QueryParam("asOf")
          String asOf) {
    String customerId = customer.toString();
    ScoreService.Evaluation e =
        scores.evaluate(
            tenant.tenantId(), customerId, calendar.asOfOrToday(QueryParams.date("asOf", asOf)));
    return BehaviourView.of(customerId, e.currency(), e.behaviour());
  }

  @PUT
  @Path("{customerId}/external-rating")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(summary = "Record an external (credit bureau) rating; the score is recomputed")
  @APIResponse(responseCode = "200", description = "The rating now on file")
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public RecordedRating rate(
      @PathParam("customerId") UUID customer, @NotNull @Valid ExternalRatingRequest request) {
    return ratings.rate(tenant.tenantId(), customer.toString(), request, tenant.principal());
  }

  @GET
  @Path("{customerId}/external-rating")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The latest external rating on file")
  @APIResponse(responseCode = "200", description = "The rating")
  @APIResponse(responseCode = "404", description = "No such customer, or no rating on file")
  public RecordedRating rating(@PathParam("customerId") UUID customer) {
    return ratings.latest(tenant.tenantId(), customer.toString());
  }

  private static Long cursorId(String key) {
    if (key == null) {
      return null;
    }
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
  }
}
