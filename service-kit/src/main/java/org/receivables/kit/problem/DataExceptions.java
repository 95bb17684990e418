package org.receivables.kit.problem;

import java.sql.SQLException;

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a value too long, out of range, not a valid
 * date, a NUL in text...) are the caller's bad input that no earlier check caught, so they answer
 * 400 rather than 500. The message says what kind of value was refused, never the SQL or the value.
 */
final class DataExceptions {

  private DataExceptions() {}

  /** The SQLSTATE of the first {@link SQLException} in the cause chain when of class 22. */
  static String state(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          String state = s.getSQLState();
          if (state != null && state.startsWith("22")) {
            return state;
          }
        }
      }
    }
    return null;
  }

  /** What to tell the caller, or null when the failure is not a data exception. */
  static String message(Throwable e) {
    String state = state(e);
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "22001" -> "A value is longer than can be stored; shorten it.";
      case "22003" -> "A number is out of the range that can be stored.";
      case "22007", "22008" -> "A date or time is not valid or out of range.";
      case "22012" -> "A value leads to a division by zero.";
      case "22P05", "22021" ->
          "A text holds characters that cannot be stored (such as NUL or invalid UTF-8).";
      case "22P02" -> "A value does not have the expected format.";
      default -> "A value of the request cannot be stored as sent.";
    };
  }
}
