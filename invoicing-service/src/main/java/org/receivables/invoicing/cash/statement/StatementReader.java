package org.receivables.invoicing.cash.statement;

import java.util.Locale;

/** Chooses the reader by the upload's media type. */
public final class StatementReader {

  private StatementReader() {}

  public static ParsedStatement read(String mediaType, byte[] body) {
    if (body == null || body.length == 0) {
      throw new StatementFormatException("the statement is empty");
    }
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    ParsedStatement s =
        type.startsWith("text/plain") ? Cfonb120Reader.read(body) : CamtReader.read(body);
    if (s.currency() == null || !s.currency().matches("[A-Z]{3}")) {
      throw new StatementFormatException("the statement's currency is missing or not ISO 4217");
    }
    return s;
  }
}
