package org.receivables.scoring.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.scoring.external.ExternalInputRepository;
import org.receivables.scoring.external.ExternalRatingRequest;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.RecordedRating;

/**
 * Credit bureau ratings entered by credit managers. A rating dated in the future is refused here
 * rather than by a Bean Validation annotation, because "today" is the tenant's business day from
 * the injected clock, not the JVM's.
 */
@ApplicationScoped
public class Ratings {

  @Inject ScoreService scores;
  @Inject ExternalInputRepository external;
  @Inject BusinessCalendar calendar;

  @Transactional
  public RecordedRating rate(
      String tenant, String customerId, ExternalRatingRequest request, String by) {
    scores.customer(tenant, customerId);
    if (request.ratedOn().isAfter(calendar.today())) {
      throw ProblemException.invalid("ratedOn", "must not be in the future");
    }
    external.recordRating(
        tenant,
        customerId,
        new ExternalScore(request.source(), request.rating(), request.score(), request.ratedOn()),
        by);
    scores.recompute(tenant, customerId, "external-rating");
    return external.latestRating(tenant, customerId, calendar.today()).orElseThrow();
  }

  public RecordedRating latest(String tenant, String customerId) {
    scores.customer(tenant, customerId);
    return external
        .latestRating(tenant, customerId, calendar.today())
        .orElseThrow(() -> ProblemException.notFound("External rating of customer", customerId));
  }
}
