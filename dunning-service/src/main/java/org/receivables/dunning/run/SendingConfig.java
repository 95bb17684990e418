package org.receivables.dunning.run;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the sending queue is worked: by how many senders in each replica, how many reminders each
 * claims at a time, and how fast each channel's provider lets us go. Retries and timeouts stay in
 * {@code dunning.send.*}.
 */
@ConfigMapping(prefix = "dunning.sending")
public interface SendingConfig {

  /** Senders working the queue in this replica (0: this replica does not send). */
  @WithDefault("4")
  int senders();

  /** Reminders a sender claims at once; an e-mail batch goes out in parallel on pooled SMTP. */
  @WithDefault("50")
  int batch();

  /** How long an idle sender waits before looking at the queue again. */
  @WithDefault("250ms")
  Duration poll();

  /** E-mails per second the SMTP provider accepts from this replica; unset: no limit. */
  Optional<Double> emailRate();

  /** SMS per second the SMS provider accepts from this replica; unset: no limit. */
  Optional<Double> smsRate();
}
