package org.receivables.dunning.run;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.receivables.dunning.channel.Throttle;

/** Each channel's throttle in this replica, from {@code dunning.sending.*-rate}. */
@Singleton
public class Throttles {

  private final Throttle email;
  private final Throttle sms;

  @Inject
  Throttles(SendingConfig config) {
    this.email = config.emailRate().map(Throttles::at).orElseGet(Throttle::unlimited);
    this.sms = config.smsRate().map(Throttles::at).orElseGet(Throttle::unlimited);
  }

  private static Throttle at(double perSecond) {
    return new Throttle(perSecond, System::nanoTime);
  }

  Throttle email() {
    return email;
  }

  Throttle sms() {
    return sms;
  }
}
