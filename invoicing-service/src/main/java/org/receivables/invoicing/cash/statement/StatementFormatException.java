package org.receivables.invoicing.cash.statement;

/** The uploaded bytes are not a statement this service reads; the message says why (a 400). */
public class StatementFormatException extends RuntimeException {

  public StatementFormatException(String message) {
    super(message);
  }

  public StatementFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
