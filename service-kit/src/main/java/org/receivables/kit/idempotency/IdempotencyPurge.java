package org.receivables.kit.idempotency;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Deletes idempotency answers past their retention, so the table stays as small as a day of
 * traffic. Present only in services that set {@code service-kit.idempotency.enabled=true} at build
 * time.
 */
@ApplicationScoped
@IfBuildProperty(name = "service-kit.idempotency.enabled", stringValue = "true")
public class IdempotencyPurge {

  private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

  @Inject Idempotency idempotency;

  @Scheduled(
      every = "${service-kit.idempotency.purge-interval:1h}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    try {
      int deleted = idempotency.purgeExpired();
      if (deleted > 0) {
        LOG.debugf("Purged %d expired idempotency keys", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Idempotency purge failed, will retry: %s", e.getMessage());
    }
  }
}
