package org.receivables.events;

/**
 * Topic names are part of the public contract between services: one topic per publishing service.
 */
public final class Topics {
  public static final String INVOICING = "receivables.invoicing.v1";
  public static final String SCORING = "receivables.scoring.v1";
  public static final String DUNNING = "receivables.dunning.v1";

  private Topics() {}

  /** Where a consumer parks a record it can never process, with the reason in its headers. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }
}
