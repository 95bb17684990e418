package org.receivables.scoring.external;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.receivables.kit.jdbc.NamedRows;

/**
 * External ratings per customer (rows only added; the latest dated on or before a day counts) and
 * the sector risk table per tenant (one row per sector, replaced), read back as records.
 */
@ApplicationScoped
public class ExternalInputRepository {

  @Inject EntityManager em;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public void recordRating(String tenant, String customer, ExternalScore r, String by) {
    em.createNativeQuery(
            "insert into sc_external_rating (tenant_id, customer_id, source, rating, score,"
                + " rated_on, recorded_by, recorded_at) values (:t, :c, :source, :rating, :score,"
                + " :on, :by, :at)")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("source", r.source())
        .setParameter("rating", r.rating())
        .setParameter("score", r.score())
        .setParameter("on", r.ratedOn())
        .setParameter("by", by)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }

  /** The most recent rating dated on or before {@code asOf}. */
  public Optional<RecordedRating> latestRating(String tenant, String customer, LocalDate asOf) {
    record Stored(
        String source,
        String rating,
        BigDecimal score,
        LocalDate ratedOn,
        String recordedBy,
        Instant recordedAt) {}
    return NamedRows.first(
            em.createNativeQuery(
                    "select source, rating, score, rated_on, recorded_by, recorded_at from"
                        + " sc_external_rating where tenant_id = :t and customer_id = :c and"
                        + " rated_on <= :asOf order by rated_on desc, id desc limit 1",
                    Tuple.class)
                .setParameter("t", tenant)
                .setParameter("c", customer)
                .setParameter("asOf", asOf),
            Stored.class)
        .map(
            r ->
                new RecordedRating(
                    new ExternalScore(r.source(), r.rating(), r.score(), r.ratedOn()),
                    r.recordedBy(),
                    r.recordedAt()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public SectorRisk setSector(
      String tenant, String sector, SectorRiskLevel level, String note, String by) {
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "insert into sc_sector_risk (tenant_id, sector, level, note, updated_by, updated_at)"
                + " values (:t, :s, :level, :note, :by, :at) on conflict (tenant_id, sector) do"
                + " update set level = excluded.level, note = excluded.note, updated_by ="
                + " excluded.updated_by, updated_at = excluded.updated_at")
        .setParameter("t", tenant)
        .setParameter("s", sector)
        .setParameter("level", level.name())
        .setParameter("note", note)
        .setParameter("by", by)
        .setParameter("at", now)
        .executeUpdate();
    return new SectorRisk(sector, level, note, by, now);
  }

  public Optional<SectorRiskLevel> sectorLevel(String tenant, String sector) {
    if (sector == null) {
      return Optional.empty();
    }
    return NamedRows.column(
            em.createNativeQuery(
                    "select level from sc_sector_risk where tenant_id = :t and sector = :s")
                .setParameter("t", tenant)
                .setParameter("s", sector),
            SectorRiskLevel.class)
        .stream()
        .findFirst();
  }

  public List<SectorRisk> sectors(String tenant, String after, int limit) {
    return NamedRows.list(
        em.createNativeQuery(
                "select sector, level, note, updated_by, updated_at from sc_sector_risk where"
                    + " tenant_id = :t and sector > :after order by sector limit :n",
                Tuple.class)
            .setParameter("t", tenant)
            .setParameter("after", after == null ? "" : after)
            .setParameter("n", limit),
        SectorRisk.class);
  }
}
