package org.receivables.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;

/**
 * The in-flight limit through the real routes: a service whose places are all taken by requests
 * that hang is shed with 503 at once, the other services still answer, and the places come back
 * when the clients hang up, long before the proxy would give up on the service.
 */
@QuarkusTest
@TestProfile(InFlightLimitsTest.TwoInFlight.class)
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class InFlightLimitsTest {

  /** Two places per service; hanging requests would keep theirs for a minute. */
  public static class TwoInFlight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gateway.in-flight.per-upstream", "2",
          "gateway.in-flight.retry-after", "2s",
          "gateway.proxy.response-timeout", "60s");
    }
  }

  @Test
  void aFullServiceIsShedAtOnceAndItsPlacesComeBackWhenClientsHangUp() throws Exception {
    List<Socket> hanging = new ArrayList<>();
    try {
      hanging.add(hangingRequest("/api/v1/dunning/reminders"));
      hanging.add(hangingRequest("/api/v1/dunning/reminders"));
      awaitInFlight("dunning", 2, hanging);

      given()
          .header("X-API-Key", DemoKeys.ACME_ADMIN)
          .get("/api/v1/dunning/reminders")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "2")
          .body("status", equalTo(503))
          .body("detail", containsString("dunning"));
      // another service has places of its own
      given()
          .header("X-API-Key", DemoKeys.ACME_ADMIN)
          .get("/api/v1/kpis/summary")
          .then()
          .statusCode(200);
    } finally {
      for (Socket socket : hanging) {
        socket.close();
      }
    }
    // the clients are gone: their places are free, though the service never answered them
    awaitInFlight("dunning", 0, List.of());
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200);
    assertThat(metrics())
        .contains("gateway_upstream_in_flight_limit{upstream=\"dunning\"} 2.0")
        .containsPattern("gateway_upstream_shed_total\\{upstream=\"dunning\"\\} [1-9]");
  }

  /** A request the fake service never answers, on a connection the test closes when done. */
  private static Socket hangingRequest(String path) throws Exception {
    Socket socket = new Socket("127.0.0.1", RestAssured.port);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                + DemoKeys.ACME_ADMIN
                + "\r\nX-Test-Mode: hang\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /**
   * Polls the gauge; the bound (30 s) is half the proxy's timeout, which would free it too. On
   * timeout it says what the hanging requests got back, if anything: an answer there means they
   * never reached the gate.
   */
  private static void awaitInFlight(String upstream, int expected, List<Socket> hanging) {
    String line = "gateway_upstream_in_flight{upstream=\"" + upstream + "\"} " + expected + ".0";
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> metrics().contains(line));
    } catch (ConditionTimeoutException e) {
      String gauges =
          metrics()
              .lines()
              .filter(l -> l.startsWith("gateway_upstream_in_flight{"))
              .collect(Collectors.joining("; "));
      StringBuilder answers = new StringBuilder();
      for (Socket socket : hanging) {
        answers.append(" | ").append(received(socket));
      }
      throw new AssertionError(
          "waited 30 s for " + line + "; gauges: " + gauges + "; hanging requests got:" + answers,
          e);
    }
  }

  /** What the gateway sent back on a hanging request's connection so far (nothing is expected). */
  private static String received(Socket socket) {
    try {
      socket.setSoTimeout(200);
      byte[] buffer = new byte[2048];
      int read = socket.getInputStream().read(buffer);
      return read <= 0 ? "(closed)" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      return "(nothing)";
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
