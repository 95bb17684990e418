package org.receivables.gateway.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the running app while open (the root JUL logger, which Quarkus and Vert.x log
 * through), for tests that check what is said, and how loudly.
 */
public final class LogCapture implements AutoCloseable {

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
          records.add(logRecord);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture() {
    handler.setLevel(Level.ALL);
  }

  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture.handler);
    return capture;
  }

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(handler);
  }

  /** Whether a record names this text (a request id, say) in its message or parameters. */
  public boolean mentions(String text) {
    return records.stream().anyMatch(r -> message(r).contains(text));
  }

  /** The records at {@code level} or above, as "LEVEL logger: message thrown". */
  public List<String> atLeast(Level level) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= level.intValue())
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + message(r) + thrown(r))
        .toList();
  }

  private static String message(LogRecord logRecord) {
    Object[] parameters = logRecord.getParameters();
    String message = logRecord.getMessage() == null ? "" : logRecord.getMessage();
    if (parameters != null) {
      for (Object parameter : parameters) {
        message += " " + parameter;
      }
    }
    return message;
  }

  private static String thrown(LogRecord logRecord) {
    return logRecord.getThrown() == null ? "" : " " + logRecord.getThrown();
  }
}
