package org.receivables.invoicing.cash;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;

/**
 * Finishes the statement imports accepted with {@code Prefer: respond-async}, outside any request,
 * as dunning's run worker does its runs. A poll claims the oldest queued import with {@code FOR
 * UPDATE SKIP LOCKED} and holds that row locked, in a transaction open for the whole import, until
 * it deletes it at the end: two replicas never take the same import, and an import whose process
 * died (its lock gone with its connection) is taken up by the next poll, of this service restarted
 * or of another replica. Taking it up again applies nothing twice: each chunk of entries committed
 * with its decisions, and only undecided entries are decided.
 */
@ApplicationScoped
public class StatementImportWorker {

  /** The scheduled job's identity (it can be paused through the Quarkus scheduler). */
  static final String JOB = "cash-statement-imports";

  private static final Logger LOG = Logger.getLogger(StatementImportWorker.class);

  @Inject EntityManager em;
  @Inject StatementImports imports;
  @Inject Scheduler scheduler;

  /** A queued import, as claimed. */
  record Claim(UUID importId, String tenant) {}

  /** Set at shutdown: the import being done stays queued for the next start. */
  private volatile boolean stopping;

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  @Scheduled(
      identity = JOB,
      every = "${invoicing.cash.import-poll:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    try {
      while (!stopping && !scheduler.isPaused(JOB) && workOne()) {
        // the next queued import, if any
      }
    } catch (RuntimeException e) {
      LOG.debugf(e, "Statement import worker interrupted; the next poll takes the import up again");
    }
  }

  /** Claims and finishes one queued import; whether there was one free to claim. */
  boolean workOne() {
    return QuarkusTransaction.requiringNew()
        .timeout(StatementImport.IMPORT_TIMEOUT_SECONDS)
        .call(
            () -> {
              Optional<Claim> claim =
                  NamedRows.first(
                      em.createNativeQuery(
                          "select import_id, tenant from bank_statement_import_queue order by"
                              + " queued_at, import_id limit 1 for update skip locked",
                          Tuple.class),
                      Claim.class);
              if (claim.isEmpty()) {
                return false;
              }
              Claim c = claim.get();
              TenantScope.run(c.tenant(), () -> finish(c));
              em.createNativeQuery("delete from bank_statement_import_queue where import_id = :id")
                  .setParameter("id", c.importId())
                  .executeUpdate();
              return true;
            });
  }

  private void finish(Claim c) {
    try {
      imports.complete(c.tenant(), c.importId());
    } catch (RuntimeException e) {
      if (stopping) {
        throw e; // rolls the claim back: the import stays queued for the next start
      }
      imports.fail(c.importId(), e);
    }
  }
}
