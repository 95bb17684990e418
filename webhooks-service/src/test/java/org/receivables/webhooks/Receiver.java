package org.receivables.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on 127.0.0.1 for the tests: records every request per path, and answers each
 * path with the status codes a test queued (then 200), or 500 always for a path that is down.
 */
final class Receiver implements AutoCloseable {

  /** One request as received. */
  record Request(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body));
          CountDownLatch held = holds.get(path);
          if (held != null) {
            try {
              held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          Deque<Integer> queued = answers.get(path);
          Integer status;
          synchronized (this) {
            status = queued == null ? null : queued.poll();
          }
          if (status == null && down.contains(path)) {
            status = 500;
          }
          byte[] answer =
              (status == null ? "ok" : "failing on purpose").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** The URL of a path on this receiver. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next requests to {@code path} are answered with these statuses, then 200. */
  synchronized void answer(String path, Integer... statuses) {
    answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  /** Requests to {@code path} are received, then answered only once the latch is released. */
  CountDownLatch hold(String path) {
    CountDownLatch release = new CountDownLatch(1);
    holds.put(path, release);
    return release;
  }

  /** Every request to {@code path} is answered 500, for good. */
  void down(String path) {
    down.add(path);
  }

  List<Request> at(String path) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.path().equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
