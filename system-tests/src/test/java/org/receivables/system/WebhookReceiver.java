package org.receivables.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An ERP's webhook endpoint on 127.0.0.1, as the suite's deliveries meet it: it records every
 * request it gets (headers, raw body, the status it answered) by path. An endpoint made with {@link
 * #failingOnce()} answers 500 to the first request of each {@code webhook-id} and 204 afterwards,
 * like a receiver that was briefly down.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived, and the status the receiver answered. */
  record Received(String path, HttpHeaders headers, String body, int answered) {

    String webhookId() {
      return headers.firstValue("webhook-id").orElse("");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<String> failingOnce = ConcurrentHashMap.newKeySet();
  private final Set<String> failedIds = ConcurrentHashMap.newKeySet();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The URL of a new endpoint that answers 204 to everything. */
  String endpoint() {
    return url("/hooks/" + UUID.randomUUID());
  }

  /** The URL of a new endpoint that fails each delivery's first attempt with 500. */
  String failingOnce() {
    String path = "/flaky/" + UUID.randomUUID();
    failingOnce.add(path);
    return url(path);
  }

  /** What reached the endpoint of {@code url}, in arrival order. */
  List<Received> at(String url) {
    String path = java.net.URI.create(url).getPath();
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      HttpHeaders view = HttpHeaders.of(headers, (name, value) -> true);
      String path = exchange.getRequestURI().getPath();
      String id = view.firstValue("webhook-id").orElse("");
      int status = failingOnce.contains(path) && failedIds.add(path + " " + id) ? 500 : 204;
      received.add(new Received(path, view, body, status));
      exchange.sendResponseHeaders(status, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
