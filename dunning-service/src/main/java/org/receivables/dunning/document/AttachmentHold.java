package org.receivables.dunning.document;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an e-mail reminder whose invoice PDFs have not all arrived is held rather than sent, and
 * when an unanswered request for a PDF is made again. Invoicing renders a PDF only when dunning
 * asks, so the first reminder of an invoice normally finds it missing for the few seconds the
 * request takes to be answered: sending at once would send almost every first reminder without it.
 * Holding is bounded ({@code maxWait}, from the reminder's creation) so that a PDF that never comes
 * (a tenant without a seller in invoicing, invoicing down) only delays the reminder, never stops
 * it.
 *
 * @param maxWait longest hold from the reminder's creation; zero never holds
 * @param recheck how often a held reminder looks again
 */
public record AttachmentHold(Duration maxWait, Duration recheck) {

  public AttachmentHold {
    if (maxWait.isNegative() || recheck.isNegative() || recheck.isZero()) {
      throw new IllegalArgumentException("maxWait must be >= 0 and recheck > 0");
    }
  }

  /**
   * When to look again at a reminder that misses some PDF, or empty when it is to be sent now
   * without it (its wait is over).
   */
  public Optional<Instant> lookAgainAt(Instant reminderCreated, Instant now) {
    Instant deadline = reminderCreated.plus(maxWait);
    if (!now.isBefore(deadline)) {
      return Optional.empty();
    }
    Instant next = now.plus(recheck);
    return Optional.of(next.isAfter(deadline) ? deadline : next);
  }

  /**
   * The time up to which an unanswered request counts as old enough to be made again: once per
   * wait, so a lost or failed rendering is asked for again by a later reminder, while the reminders
   * of one invoice held together ask once.
   */
  public Instant askAgainIfRequestedBy(Instant now) {
    return now.minus(maxWait);
  }
}
