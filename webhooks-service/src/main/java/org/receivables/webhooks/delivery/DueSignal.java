package org.receivables.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells this replica's delivery worker that deliveries may be due now: raised after a commit that
 * queued deliveries and when a worker thread is free, so that the worker polls at once instead of
 * at its next interval. Its own bean, so that what queues deliveries (the intake, a manual retry)
 * need not know the worker.
 */
@ApplicationScoped
public class DueSignal {

  private final Semaphore raised = new Semaphore(0);

  /** Deliveries may be due: the waiting worker polls now. */
  public void raise() {
    raised.release();
  }

  /**
   * Waits until raised or {@code millis} passed, then clears what was raised meanwhile (one poll
   * answers them all).
   */
  void await(long millis) throws InterruptedException {
    raised.tryAcquire(millis, TimeUnit.MILLISECONDS);
    raised.drainPermits();
  }
}
