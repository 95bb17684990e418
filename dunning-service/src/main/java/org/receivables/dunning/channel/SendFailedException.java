package org.receivables.dunning.channel;

/** A channel refused or could not take a message; the reminder stays unsent. */
public class SendFailedException extends RuntimeException {
  public SendFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
