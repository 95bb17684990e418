package org.receivables.gateway.routing;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * Relays a request body to the service with back-pressure and cuts it off past the size limit:
 * Quarkus refuses an oversized Content-Length by itself, but a chunked body declares no length.
 */
final class LimitedBody {

  private LimitedBody() {}

  /** Starts the relay of a paused request; {@code tooLarge} runs once if the limit is passed. */
  static void relay(HttpServerRequest from, HttpClientRequest to, long limit, Runnable tooLarge) {
    long[] received = {0};
    from.handler(
        chunk -> {
          received[0] += chunk.length();
          if (received[0] > limit) {
            from.handler(null);
            from.endHandler(null);
            tooLarge.run();
            to.reset();
            return;
          }
          to.write(chunk);
          if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(drained -> from.resume());
          }
        });
    // A client that aborts mid-upload must abort the upstream request, never end it short.
    from.exceptionHandler(failure -> to.reset(0, failure));
    from.endHandler(ended -> to.end());
    from.resume();
  }
}
