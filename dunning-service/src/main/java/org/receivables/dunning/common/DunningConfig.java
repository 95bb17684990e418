package org.receivables.dunning.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the dunning service. */
@ConfigMapping(prefix = "dunning")
public interface DunningConfig {

  Send send();

  Schedule schedule();

  Sms sms();

  Creditor creditor();

  Documents documents();

  /** Days a formal notice gives the debtor to pay. */
  @WithDefault("8")
  int formalNoticePayWithinDays();

  /** Days after the promised date before a promise counts as broken. */
  @WithDefault("3")
  int promiseGraceDays();

  /** Days after an instalment's due date before a plan counts as broken. */
  @WithDefault("5")
  int planGraceDays();

  /** The daily run; {@code off} disables it. */
  interface Schedule {
    @WithDefault("0 0 7 * * ?")
    String cron();
  }

  /** How sending is retried before a reminder is reported FAILED. */
  interface Send {
    @WithDefault("3")
    int attempts();

    @WithDefault("0.5s")
    Duration backoff();

    /** Total attempts over all runs after which a failed reminder is left to a person. */
    @WithDefault("9")
    int maxTotalAttempts();

    /**
     * How long one e-mail attempt may wait on the SMTP server: past it the attempt has failed and
     * is retried, so a server that stops answering cannot hold a run (and its caller) forever.
     */
    @WithDefault("20s")
    Duration mailTimeout();
  }

  /** The SMS gateway: an HTTP endpoint taking {to, from, text} as JSON. */
  interface Sms {
    @WithDefault("false")
    boolean enabled();

    Optional<String> url();

    Optional<String> token();

    @WithDefault("Recouvrement")
    String sender();

    @WithDefault("10s")
    Duration timeout();
  }

  /**
   * How long an e-mail reminder waits for the invoice PDFs it attaches, requested from invoicing
   * when dunning does not hold them (document.AttachmentHold; docs/dunning.md).
   */
  interface Documents {
    /**
     * Longest an e-mail reminder is held, from its creation, for a PDF not arrived yet; past it the
     * reminder goes without and its case says why. Zero: never held. Also the time after which an
     * unanswered request is made again.
     */
    @WithDefault("PT20S")
    Duration maxWait();

    /** How often a held reminder looks again for its PDFs. */
    @WithDefault("2s")
    Duration recheck();
  }

  /** Who the letters come from when a tenant set no profile. */
  interface Creditor {
    @WithDefault("Service recouvrement")
    String name();

    Optional<String> address();

    Optional<String> iban();

    Optional<String> bic();

    Optional<String> email();

    Optional<String> phone();
  }
}
