package org.receivables.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.LogCapture;

/**
 * A client that goes away (a load tester stopping, a browser tab closed, a mobile network lost) is
 * ordinary traffic: the gateway lets go of the upstream exchange and says so below WARN, never as
 * an ERROR that pages someone. Each case waits for the request's access-log line, so the gateway
 * has finished with it, then counts the ERROR and WARN records logged meanwhile.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class ClientDisconnectTest {

  private LogCapture log;

  @BeforeEach
  void capture() {
    log = LogCapture.start();
  }

  @AfterEach
  void release() {
    log.close();
  }

  @Test
  void aClientGoneWhileTheServiceThinksIsNoError() throws Exception {
    String id = goAway("X-Test-Mode: hang", false, 0);
    assertQuietAbout(id);
  }

  @Test
  void aClientResettingTheConnectionIsNoError() throws Exception {
    String id = goAway("X-Test-Mode: hang", true, 0);
    assertQuietAbout(id);
  }

  @Test
  void aClientGoneJustBeforeTheAnswerIsNoError() throws Exception {
    String id = goAway("X-Test-Mode: slow\r\nX-Test-Delay: 150", true, 0);
    assertQuietAbout(id);
  }

  @Test
  void aClientGoneInTheMiddleOfADownloadIsNoError() throws Exception {
    String id = goAway("X-Test-Mode: download\r\nX-Test-Size: 33554432", true, 64 * 1024);
    assertQuietAbout(id);
  }

  /**
   * A load tester stopping: many connections close at once, each with a proxied request under way
   * (answers about to come, a download held back by the client), half of them with a TCP reset.
   * Nothing is logged at WARN or above, and the gateway goes on.
   */
  @Test
  void aCrowdGoingAwayAtOnceIsNoErrorAndTheGatewayKeepsServing() throws Exception {
    String key = DemoKeys.created(1000); // its own limit: the crowd is not refused
    List<Socket> sockets = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 48; i++) {
        String id = "crowd-" + i + "-" + UUID.randomUUID();
        String mode =
            i % 3 == 0
                ? "X-Test-Mode: download\r\nX-Test-Size: 4194304"
                : "X-Test-Mode: slow\r\nX-Test-Delay: " + (1 + (i % 16) * 10);
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        sockets.add(socket);
        ids.add(id);
        socket.getOutputStream().write(request(key, id, mode).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      }
      await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(FakeUpstream::seen));
    } finally {
      for (int i = 0; i < sockets.size(); i++) {
        if (i % 2 == 1) {
          sockets.get(i).setSoLinger(true, 0);
        }
        sockets.get(i).close();
      }
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> ids.stream().allMatch(id -> log.mentions(id)));
    RestAssured.given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .get("/api/v1/invoices")
        .then()
        .statusCode(200);
    assertThat(log.atLeast(Level.WARNING))
        .as("ERROR and WARN records for clients that went away")
        .isEmpty();
  }

  private static String request(String key, String id, String testHeaders) {
    return "GET /api/v1/invoices HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
        + key
        + "\r\nX-Request-Id: "
        + id
        + "\r\n"
        + (testHeaders.isEmpty() ? "" : testHeaders + "\r\n")
        + "\r\n";
  }

  /**
   * Sends a GET with a fresh request id, reads {@code readFirst} bytes of the answer (0: none),
   * then closes the socket: with a TCP reset if asked, else with an orderly close.
   */
  private static String goAway(String testHeaders, boolean reset, int readFirst) throws Exception {
    String id = "disconnect-" + UUID.randomUUID();
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "GET /api/v1/invoices HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
              + DemoKeys.ACME_ADMIN
              + "\r\nX-Request-Id: "
              + id
              + "\r\n"
              + testHeaders
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int read = 0;
      while (read < readFirst) {
        int n = in.read(buffer);
        assertThat(n).as("the answer started").isPositive();
        read += n;
      }
      if (readFirst == 0) {
        // The client leaves once the gateway has reached the service.
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeUpstream.seen(id));
      }
      if (reset) {
        socket.setSoLinger(true, 0);
      }
    }
    return id;
  }

  private void assertQuietAbout(String requestId) {
    await().atMost(Duration.ofSeconds(15)).until(() -> log.mentions(requestId));
    assertThat(log.atLeast(Level.WARNING))
        .as("ERROR and WARN records for a client that went away")
        .isEmpty();
  }
}
