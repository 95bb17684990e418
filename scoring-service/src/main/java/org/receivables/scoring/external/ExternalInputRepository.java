package org.receivables.scoring.external;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.receivables.scoring.store.SqlQuery;

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
    SqlQuery.write(
            em,
            "insert into sc_external_rating (tenant_id, customer_id, source, rating, score,"
                + " rated_on, recorded_by, recorded_at) values (:t, :c, :source, :rating, :score,"
                + " :on, :by, :at)")
        .bind("t", tenant)
        .bind("c", customer)
        .bind("source", r.source())
        .bind("rating", r.rating())
        .bind("score", r.score())
        .bind("on", r.ratedOn())
        .bind("by", by)
        .bind("at", Instant.now(clock))
        .execute();
  }

  /** The most recent rating dated on or before {@code asOf}. */
  public Optional<RecordedRating> latestRating(String tenant, String customer, LocalDate asOf) {
    return SqlQuery.select(
            em,
            "select source, rating, score, rated_on, recorded_by, recorded_at from"
                + " sc_external_rating where tenant_id = :t and customer_id = :c and rated_on"
                + " <= :asOf order by rated_on desc, id desc limit 1")
        .bind("t", tenant)
        .bind("c", customer)
        .bind("asOf", asOf)
        .first(
            r ->
                new RecordedRating(
                    new ExternalScore(
                        r.text("source"), r.text("rating"), r.decimal("score"), r.date("rated_on")),
                    r.text("recorded_by"),
                    r.instant("recorded_at")));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public SectorRisk setSector(
      String tenant, String sector, SectorRiskLevel level, String note, String by) {
    Instant now = Instant.now(clock);
    SqlQuery.write(
            em,
            "insert into sc_sector_risk (tenant_id, sector, level, note, updated_by, updated_at)"
                + " values (:t, :s, :level, :note, :by, :at) on conflict (tenant_id, sector) do"
                + " update set level = excluded.level, note = excluded.note, updated_by ="
                + " excluded.updated_by, updated_at = excluded.updated_at")
        .bind("t", tenant)
        .bind("s", sector)
        .bind("level", level.name())
        .bind("note", note)
        .bind("by", by)
        .bind("at", now)
        .execute();
    return new SectorRisk(sector, level, note, by, now);
  }

  public Optional<SectorRiskLevel> sectorLevel(String tenant, String sector) {
    if (sector == null) {
      return Optional.empty();
    }
    return SqlQuery.select(
            em, "select level from sc_sector_risk where tenant_id = :t and sector = :s")
        .bind("t", tenant)
        .bind("s", sector)
        .first(r -> SectorRiskLevel.valueOf(r.text("level")));
  }

  public List<SectorRisk> sectors(String tenant, String after, int limit) {
    return SqlQuery.select(
            em,
            "select sector, level, note, updated_by, updated_at from sc_sector_risk where"
                + " tenant_id = :t and sector > :after order by sector limit :n")
        .bind("t", tenant)
        .bind("after", after == null ? "" : after)
        .bind("n", limit)
        .list(
            r ->
                new SectorRisk(
                    r.text("sector"),
                    SectorRiskLevel.valueOf(r.text("level")),
                    r.text("note"),
                    r.text("updated_by"),
                    r.instant("updated_at")));
  }
}
