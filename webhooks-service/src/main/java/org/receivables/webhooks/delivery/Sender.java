package org.receivables.webhooks.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.receivables.webhooks.config.WebhooksConfig;

/**
 * POSTs one attempt to the address {@link ReceiverAddress} checked, never resolving the name again:
 * the connection goes to that address while Host, TLS SNI and certificate verification use the
 * name. Redirects are not followed (one could lead inside the cluster): a 3xx is a failure. Waits
 * at most the configured time-out; keeps at most a capped excerpt of the answer.
 */
@ApplicationScoped
public class Sender {

  /** What an attempt came to: a status code, or none with the error. */
  public record Outcome(Integer statusCode, long durationMs, String error, String excerpt) {
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  @Inject Vertx vertx;
  @Inject WebhooksConfig config;

  private HttpClient client;

  @PostConstruct
  void init() {
    int timeout = (int) config.delivery().timeout().toMillis();
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(4, config.delivery().workers() * 2)));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Sends, and completes with the answer (at most the time-out later); never fails for the
   * receiver's sake. Asynchronous so that a turn can have several of a subscription's deliveries in
   * flight (to different customers).
   */
  public CompletableFuture<Outcome> send(
      ReceiverAddress.Target target, Map<String, String> headers, String body) {
    long timeout = config.delivery().timeout().toMillis();
    int cap = config.delivery().responseExcerpt();
    long start = System.nanoTime();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(
                SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
            .setHost(target.host())
            .setPort(target.port())
            .setSsl(target.https())
            .setURI(target.pathAndQuery())
            .setTimeout(timeout)
            .setFollowRedirects(false)
            .putHeader("content-type", "application/json")
            .putHeader("user-agent", "receivables-webhooks/1");
    headers.forEach(options::putHeader);
    return client
        .request(options)
        .compose((HttpClientRequest request) -> request.send(Buffer.buffer(body)))
        .compose(response -> read(response, cap))
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(timeout, TimeUnit.MILLISECONDS)
        .handle(
            (a, error) ->
                a != null
                    ? new Outcome(a.statusCode(), millisSince(start), null, a.excerpt())
                    : failed(error, start, timeout));
  }

  private static Outcome failed(Throwable error, long start, long timeout) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String why =
        cause instanceof TimeoutException ? "no answer within " + timeout + " ms" : describe(cause);
    return new Outcome(null, millisSince(start), why, null);
  }

  record Answer(int statusCode, String excerpt) {}

  /**
   * The status and the first {@code cap} bytes of the body; the rest is read and dropped. A short
   * answer (a 204) can end before this runs: Vert.x then refuses the handlers with a bare {@link
   * IllegalStateException}, and the answer, complete, counts by its status (its body, if any, was
   * not kept). Taking that for a failure made the delivery be sent again: the duplicates of the
   * bench.
   */
  static Future<Answer> read(HttpClientResponse response, int cap) {
    Promise<Answer> done = Promise.promise();
    Buffer kept = Buffer.buffer();
    try {
      response.handler(
          chunk -> {
            int room = cap - kept.length();
            if (room > 0) {
              kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
          });
      response.exceptionHandler(done::tryFail);
      response.endHandler(v -> done.tryComplete(new Answer(response.statusCode(), excerpt(kept))));
    } catch (IllegalStateException ended) {
      done.tryComplete(new Answer(response.statusCode(), excerpt(kept)));
    }
    return done.future();
  }

  private static String excerpt(Buffer kept) {
    if (kept.length() == 0) {
      return null;
    }
    // a cut UTF-8 sequence becomes a replacement character; PostgreSQL text holds no NUL
    return new String(kept.getBytes(), StandardCharsets.UTF_8).replace("\0", "");
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
