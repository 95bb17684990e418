package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.nightly.NightlyRecompute;

/**
 * Scores are recomputed only when an input changed: an event that changes nothing the score reads
 * rescores nobody, and the nightly pass skips a customer whose score cannot have aged.
 */
@QuarkusTest
class RescoreTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  /**
   * As long as ScoringApiTest waits: the first test after the application starts waits for the
   * topics' earlier records to be replayed (record by record where one is dead-lettered).
   */
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  private final String tenant = TestTokens.freshTenant();

  @Inject CustomerRepository customers;
  @Inject NightlyRecompute nightly;
  @Inject EntityManager em;

  /** When the customer's stored score was computed, and the day it may have aged. */
  private record Computed(long at, LocalDate rescoreOn) {}

  @Test
  void aNewNameRescoresNobodyANewSegmentDoes() {
    String c = ScoringApiTest.register(tenant, "retail");
    Computed first = awaitScore(c, s -> true);

    KafkaWriter.publish(
        Topics.INVOICING, UUID.randomUUID().toString(), updated(c, "Martin SA", "retail"));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                "Martin SA"
                    .equals(customer(c).map(CustomerRepository.Customer::name).orElse(null)));
    // the rename and any rescore commit together: the score is still the first one
    assertThat(score(c)).contains(first);

    KafkaWriter.publish(
        Topics.INVOICING, UUID.randomUUID().toString(), updated(c, "Martin SA", "transport"));
    awaitScore(c, s -> s.at() > first.at());
  }

  @Test
  void theNightlyPassSkipsAScoreThatCannotAgeAndRescoresAnAgingOne() {
    String idle = ScoringApiTest.register(tenant, "retail");
    String owing = ScoringApiTest.register(tenant, "retail");
    ScoringApiTest.invoice(tenant, owing, "500.00", TODAY.minusDays(40), null); // 10 days overdue
    Computed idleBefore = awaitScore(idle, s -> true);
    assertThat(idleBefore.rescoreOn()).as("nothing dated on file never ages").isNull();
    Computed owingBefore = awaitScore(owing, s -> s.rescoreOn() != null);
    assertThat(owingBefore.rescoreOn())
        .as("an overdue invoice ages daily")
        .isEqualTo(TODAY.plusDays(1));

    // a day only this test uses, unclaimed again so that the test repeats on the same database
    LocalDate day = LocalDate.of(2999, 12, 30);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("delete from sc_nightly_run where run_date = :day")
                    .setParameter("day", day)
                    .executeUpdate());
    assertThat(nightly.run(day)).isGreaterThanOrEqualTo(1);
    assertThat(score(idle)).contains(idleBefore);
    assertThat(score(owing).orElseThrow().at()).isGreaterThan(owingBefore.at());
  }

  private CustomerUpdated updated(String c, String name, String segment) {
    return new CustomerUpdated(
        tenant,
        c,
        "C-" + c,
        name,
        "FR",
        "EUR",
        "fr",
        null,
        null,
        segment,
        new PaymentTermsData(30, "NONE"),
        false);
  }

  private Optional<CustomerRepository.Customer> customer(String c) {
    return QuarkusTransaction.requiringNew().call(() -> customers.customer(tenant, c));
  }

  private Optional<Computed> score(String c) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<?> rows =
                  em.createNativeQuery(
                          "select (extract(epoch from computed_at) * 1000000)::bigint as micros,"
                              + " rescore_on::text as rescore_on from sc_score where tenant_id ="
                              + " :t and customer_id = :c",
                          Tuple.class)
                      .setParameter("t", tenant)
                      .setParameter("c", c)
                      .getResultList();
              return rows.stream()
                  .map(Tuple.class::cast)
                  .map(
                      t ->
                          new Computed(
                              ((Number) t.get("micros")).longValue(),
                              t.get("rescore_on") == null
                                  ? null
                                  : LocalDate.parse(t.get("rescore_on", String.class))))
                  .findFirst();
            });
  }

  private Computed awaitScore(String c, java.util.function.Predicate<Computed> ready) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> score(c), s -> s.isPresent() && ready.test(s.get()))
        .orElseThrow();
  }
}
