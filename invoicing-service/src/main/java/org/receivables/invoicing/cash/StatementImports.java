package org.receivables.invoicing.cash;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.problem.ProblemException;

/**
 * Statement imports accepted with {@code Prefer: respond-async}: through the gateway, a request
 * gives up after 30 s, while a large statement takes minutes to decide. The request records the
 * statement and its entries (the bank's facts, durable before it answers), then an import, queued
 * for {@link StatementImportWorker}, which decides the entries as the synchronous call would. One
 * import per statement: the same statement sent again is the same import, resumed if it failed or
 * was left with entries undecided.
 */
@ApplicationScoped
public class StatementImports {

  private static final Logger LOG = Logger.getLogger(StatementImports.class);

  /** Where an import stands. */
  public enum Status {
    RUNNING,
    COMPLETED,
    FAILED
  }

  /** An import as stored, with how many of its statement's entries are decided. */
  public record ImportState(
      UUID id,
      UUID statementId,
      Status status,
      String failure,
      Instant acceptedAt,
      Instant finishedAt,
      long entries,
      long decided) {}

  @Inject StatementImport imports;
  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * Records the statement (in a transaction of its own, as the synchronous import does) and accepts
   * an import of it, in the caller's transaction; the import's id.
   */
  public UUID accept(String tenantId, String mediaType, byte[] body) {
    UUID statementId = imports.record(tenantId, mediaType, body).id();
    UUID id = UUID.randomUUID();
    int created =
        em.createNativeQuery(
                "insert into bank_statement_import (id, tenant_id, statement_id, status,"
                    + " accepted_at) values (:id, :t, :s, 'RUNNING', :at) on conflict (tenant_id,"
                    + " statement_id) do nothing")
            .setParameter("id", id)
            .setParameter("t", tenantId)
            .setParameter("s", statementId)
            .setParameter("at", Instant.now(clock))
            .executeUpdate();
    if (created == 0) {
      id = resume(tenantId, statementId);
    }
    em.createNativeQuery(
            "insert into bank_statement_import_queue (import_id, tenant, queued_at) select id,"
                + " tenant_id, :at from bank_statement_import where id = :id and status = 'RUNNING'"
                + " on conflict do nothing")
        .setParameter("id", id)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    return id;
  }

  /**
   * The statement's import, made RUNNING again when it failed or has entries left undecided (a
   * synchronous import cut short); a completed import is left as it is.
   */
  private UUID resume(String tenantId, UUID statementId) {
    UUID id =
        NamedRows.value(
            em.createNativeQuery(
                    "select id from bank_statement_import where tenant_id = :t and statement_id ="
                        + " :s for update")
                .setParameter("t", tenantId)
                .setParameter("s", statementId),
            UUID.class);
    em.createNativeQuery(
            "update bank_statement_import i set status = 'RUNNING', failure = null, finished_at ="
                + " null where i.id = :id and i.status <> 'RUNNING' and (i.status = 'FAILED' or"
                + " exists (select 1 from bank_statement_entry l join bank_entry e on e.id ="
                + " l.entry_id where l.tenant_id = i.tenant_id and l.statement_id = i.statement_id"
                + " and not e.processed))")
        .setParameter("id", id)
        .executeUpdate();
    return id;
  }

  /** The import, if this tenant has it. */
  public Optional<ImportState> find(String tenantId, UUID id) {
    return NamedRows.first(
        em.createNativeQuery(
                "select i.id, i.statement_id, i.status, i.failure, i.accepted_at, i.finished_at,"
                    + " count(l.entry_id) as entries, count(l.entry_id) filter (where e.processed)"
                    + " as decided from bank_statement_import i left join bank_statement_entry l"
                    + " on l.tenant_id = i.tenant_id and l.statement_id = i.statement_id left join"
                    + " bank_entry e on e.id = l.entry_id where i.tenant_id = :t and i.id = :id"
                    + " group by i.id",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("id", id),
        ImportState.class);
  }

  public ImportState get(String tenantId, UUID id) {
    return find(tenantId, id)
        .orElseThrow(() -> ProblemException.notFound("Bank statement import", id));
  }

  /**
   * Decides the import's entries and records that it completed, each step in transactions of its
   * own, bound to the import's tenant by the caller ({@link StatementImportWorker}).
   */
  void complete(String tenantId, UUID importId) {
    Optional<ImportState> found =
        QuarkusTransaction.requiringNew().call(() -> find(tenantId, importId));
    if (found.isEmpty() || found.get().status() != Status.RUNNING) {
      return;
    }
    imports.decideAll(tenantId, found.get().statementId());
    finish(importId, Status.COMPLETED, null);
  }

  /**
   * Records why the import failed. Not retried by itself: sending the statement again resumes it
   * where its committed chunks left it.
   */
  void fail(UUID importId, RuntimeException cause) {
    LOG.errorf(cause, "Bank statement import %s failed; sending it again resumes it", importId);
    finish(importId, Status.FAILED, cause.toString());
  }

  private void finish(UUID importId, Status status, String failure) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update bank_statement_import set status = :s, failure = :f, finished_at ="
                            + " :at where id = :id")
                    .setParameter("s", status.name())
                    .setParameter("f", failure)
                    .setParameter("at", Instant.now(clock))
                    .setParameter("id", importId)
                    .executeUpdate());
  }
}
