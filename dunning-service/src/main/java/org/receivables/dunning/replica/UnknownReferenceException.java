package org.receivables.dunning.replica;

/**
 * An event names an invoice this replica has never seen. It can never be applied: the consumer
 * parks it on the dead-letter topic, so it does not loop.
 */
public class UnknownReferenceException extends RuntimeException {
  public UnknownReferenceException(String what, String id) {
    super("Unknown " + what + " " + id + ": its events must come after it on the same key");
  }
}
