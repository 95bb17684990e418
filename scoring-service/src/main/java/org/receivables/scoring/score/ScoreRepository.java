package org.receivables.scoring.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.receivables.kit.money.Money;

/**
 * Stores current scores ({@link CurrentScore}) and their history ({@link ScoreChange}) and reads
 * them back as records, with the reasons turned from their stored JSON into {@link Reason}s.
 */
@ApplicationScoped
public class ScoreRepository {

  @Inject ObjectMapper json;

  /** A history entry with the row id its page cursor is made of. */
  public record HistoryRow(long id, ScoreHistoryEntry entry) {}

  public Optional<StoredScore> stored(String tenant, String customerId) {
    return current(tenant, customerId).map(this::toStored);
  }

  /** Replaces the customer's current score. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void save(String tenant, String customerId, StoredScore s) {
    CurrentScore row = current(tenant, customerId).orElseGet(CurrentScore::new);
    row.tenantId = tenant;
    row.customerId = customerId;
    row.score = s.score();
    row.riskClass = s.riskClass();
    row.pd = s.probabilityOfDefault();
    row.recommendedLimit = s.recommendedLimit();
    row.creditLimit = s.creditLimit();
    row.currency = s.currency();
    row.reasons = write(s.reasons());
    row.asOf = s.asOf();
    row.computedAt = s.computedAt();
    row.persist();
  }

  /** Keeps one change in the customer's history. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void keep(String tenant, String customerId, StoredScore s, String trigger) {
    ScoreChange row = new ScoreChange();
    row.tenantId = tenant;
    row.customerId = customerId;
    row.score = s.score();
    row.riskClass = s.riskClass();
    row.pd = s.probabilityOfDefault();
    row.creditLimit = s.creditLimit();
    row.currency = s.currency();
    row.reasons = write(s.reasons());
    row.asOf = s.asOf();
    row.computedAt = s.computedAt();
    row.trigger = trigger;
    row.persist();
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

  private String write(List<Reason> reasons) {
    try {
      return json.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Reason> read(String reasons) {
    try {
      return json.readValue(reasons, new TypeReference<List<Reason>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored reasons cannot be read", e);
    }
  }
}
