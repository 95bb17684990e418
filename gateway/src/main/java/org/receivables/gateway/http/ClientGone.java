package org.receivables.gateway.http;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Tells a client that went away from a failure of the gateway. Load testers stopping, closed tabs
 * and lost mobile networks are ordinary traffic: logged at DEBUG, never as an ERROR that pages
 * someone, and answered with nothing, since nobody is listening.
 */
public final class ClientGone {

  private ClientGone() {}

  /** Whether the client's side of this exchange is closed, or the failure says it went away. */
  public static boolean is(RoutingContext ctx, Throwable failure) {
    return ctx.response().closed() || isDisconnect(failure);
  }

  /** Whether this failure (or one of its causes) is a closed or reset connection. */
  public static boolean isDisconnect(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamResetException
          || t instanceof HttpClosedException
          || t instanceof ClosedChannelException) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if ((t instanceof IOException || t instanceof VertxException)
          && (message.contains("connection reset")
              || message.contains("broken pipe")
              || message.contains("connection was closed")
              || message.contains("response is closed"))) {
        return true;
      }
    }
    return false;
  }
}
