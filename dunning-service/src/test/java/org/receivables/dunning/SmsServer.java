package org.receivables.dunning;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMS provider on a free local port: records every request body and answers 500 for numbers
 * ending in 500, so tests can see retries and failures.
 */
public class SmsServer implements QuarkusTestResourceLifecycleManager {

  public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/sms",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          RECEIVED.add(body);
          int status = body.contains("500\"") ? 500 : 202;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return Map.of(
        "dunning.sms.enabled", "true",
        "dunning.sms.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
        "dunning.sms.token", "test-token");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
