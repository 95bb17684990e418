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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.scoring.ledger.Rows;

/** External ratings per customer and the sector risk table per tenant. */
@ApplicationScoped
public class ExternalInputs {

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A recorded rating with who entered it. */
  public record RecordedRating(ExternalScore rating, String recordedBy, Instant recordedAt) {}

  /** One row of the sector risk table. */
  public record SectorRisk(
      String sector,
      SectorRiskLevel level,
      @Schema(nullable = true, description = "Why; null when none was given") String note,
      String updatedBy,
      Instant updatedAt) {}

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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select source, rating, score, rated_on, recorded_by, recorded_at from"
                    + " sc_external_rating where tenant_id = :t and customer_id = :c and rated_on"
                    + " <= :asOf order by rated_on desc, id desc limit 1")
            .setParameter("t", tenant)
            .setParameter("c", customer)
            .setParameter("asOf", asOf)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new RecordedRating(
                    new ExternalScore(
                        Rows.text(r[0]), Rows.text(r[1]), Rows.decimal(r[2]), Rows.date(r[3])),
                    Rows.text(r[4]),
                    Rows.instant(r[5])));
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
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select level from sc_sector_risk where tenant_id = :t and sector = :s")
            .setParameter("t", tenant)
            .setParameter("s", sector)
            .getResultList();
    return rows.stream().findFirst().map(l -> SectorRiskLevel.valueOf(Rows.text(l)));
  }

  public List<SectorRisk> sectors(String tenant, String after, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select sector, level, note, updated_by, updated_at from sc_sector_risk where"
                    + " tenant_id = :t and sector > :after order by sector limit :n")
            .setParameter("t", tenant)
            .setParameter("after", after == null ? "" : after)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new SectorRisk(
                    Rows.text(r[0]),
                    SectorRiskLevel.valueOf(Rows.text(r[1])),
                    Rows.text(r[2]),
                    Rows.text(r[3]),
                    Rows.instant(r[4])))
        .toList();
  }
}
