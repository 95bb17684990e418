package org.receivables.scoring.score;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.receivables.kit.money.Money;
import org.receivables.scoring.store.JsonText;

/**
 * Stores current scores ({@link CurrentScore}) and their history ({@link ScoreChange}) and reads
 * them back as records, with the reasons turned from their stored JSON into {@link Reason}s.
 */
@ApplicationScoped
public class ScoreRepository {

  private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

  @Inject JsonText json;

  /** A history entry with the row id its page cursor is made of. */
  public record HistoryRow(long id, ScoreHistoryEntry entry) {}

  public Optional<StoredScore> stored(String tenant, String customerId) {
    return current(tenant, customerId).map(this::toStored);
  }

  /**
   * Replaces the customer's current score.
   *
   * @param rescoreOn the day it may have aged ({@link ScoreAging}); null when it cannot
   * @param model the digest of the settings it was computed with ({@link ScoringModel})
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void save(
      String tenant, String customerId, StoredScore s, LocalDate rescoreOn, String model) {
    CurrentScore row = current(tenant, customerId).orElseGet(CurrentScore::new);
    fill(row, tenant, customerId, s);
    row.recommendedLimit = s.recommendedLimit();
    row.rescoreOn = rescoreOn;
    row.model = model;
    row.persist();
  }

  /** Keeps one change in the customer's history. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void keep(String tenant, String customerId, StoredScore s, String trigger) {
    ScoreChange row = new ScoreChange();
    fill(row, tenant, customerId, s);
    row.trigger = trigger;
    row.persist();
  }

  private void fill(ScoreRow row, String tenant, String customerId, StoredScore s) {
    row.tenantId = tenant;
    row.customerId = customerId;
    row.score = s.score();
    row.riskClass = s.riskClass();
    row.pd = s.probabilityOfDefault();
    row.creditLimit = s.creditLimit();
    row.currency = s.currency();
    row.reasons = json.write(s.reasons());
    row.asOf = s.asOf();
    row.computedAt = s.computedAt();
  }

  /** The score history, newest first, after the history row id {@code beforeId} (keyset). */
  public List<HistoryRow> history(String tenant, String customerId, Long beforeId, int limit) {
    List<ScoreChange> rows =
        ScoreChange.<ScoreChange>find(
                "tenantId = ?1 and customerId = ?2 and id < ?3 order by id desc",
                tenant,
                customerId,
                beforeId == null ? Long.MAX_VALUE : beforeId)
            .page(0, limit)
            .list();
    return rows.stream()
        .map(
            r ->
                new HistoryRow(
                    r.id,
                    new ScoreHistoryEntry(
                        r.score,
                        r.riskClass,
                        r.pd.setScale(4, RoundingMode.HALF_UP),
                        Money.round(r.creditLimit, r.currency),
                        r.currency,
                        r.asOf,
                        r.computedAt,
                        r.trigger,
                        read(r.reasons))))
        .toList();
  }

  private Optional<CurrentScore> current(String tenant, String customerId) {
    return CurrentScore.<CurrentScore>find("tenantId = ?1 and customerId = ?2", tenant, customerId)
        .firstResultOptional();
  }

  private StoredScore toStored(CurrentScore r) {
    return new StoredScore(
        r.customerId,
        r.score,
        r.riskClass,
        r.pd.setScale(4, RoundingMode.HALF_UP),
        Money.round(r.recommendedLimit, r.currency),
        Money.round(r.creditLimit, r.currency),
        r.currency,
        read(r.reasons),
        r.asOf,
        r.computedAt);
  }

  /** A score to store, stamped with its date and time. */
  static StoredScore of(
      String customerId, ScoreService.Evaluation e, LocalDate asOf, Instant computedAt) {
    return new StoredScore(
        customerId,
        e.result().score(),
        e.result().riskClass(),
        e.result().probabilityOfDefault(),
        e.recommendation().limit(),
        e.creditLimit(),
        e.currency(),
        e.result().reasons(),
        asOf,
        computedAt);
  }

  private List<Reason> read(String reasons) {
    return json.read(reasons, REASONS);
  }
}
