package org.receivables.invoicing.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Retention of personal data after an account closed ({@code invoicing.retention.*}). */
@ConfigMapping(prefix = "invoicing.retention")
public interface RetentionConfig {

  /**
   * How long after its last activity (with no invoice left open) a customer's name, e-mail and
   * phone are kept; ISO 8601, e.g. {@code P10Y}.
   */
  @WithDefault("P10Y")
  Period personalDataAfterClosure();

  /** When the job runs (Quarkus cron, Europe/Paris); {@code off} disables it. */
  @WithDefault("0 30 2 * * ?")
  String cron();

  /** Customers judged per query of a run (each is erased in its own transaction). */
  @WithDefault("500")
  int batchSize();
}
