package org.receivables.kpi.projection;

/**
 * An event names an invoice this projection has never seen. It can never be applied: the live
 * consumer parks it on the dead-letter topic (so it does not loop), a rebuild skips it.
 */
public class UnknownReferenceException extends RuntimeException {
  public UnknownReferenceException(String what, String id) {
    super("Unknown " + what + " " + id + ": its events must come after it on the same key");
  }
}
