package org.receivables.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.LogCapture;

/**
 * A service that takes requests and stays silent (the %test profile's response timeout is 3 s):
 * each client gets a 504 problem, the gateway says so once at WARN for the whole burst, never at
 * ERROR, and counts every one. Only this test makes dunning time out.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class UpstreamTimeoutTest {

  private static final int BURST = 4;

  @Test
  void aSilentServiceIsA504LoggedOnceAsAWarningAndNeverAsAnError() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    double before = timeouts();
    try (LogCapture log = LogCapture.start()) {
      List<String> ids = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        String id = "silent-" + UUID.randomUUID();
        ids.add(id);
        answers.add(
            client.sendAsync(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + RestAssured.port + "/api/v1/dunning/reminders"))
                    .header("X-API-Key", DemoKeys.ACME_ADMIN)
                    .header("X-Request-Id", id)
                    .header("X-Test-Mode", "hang")
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getInteger("status")).isEqualTo(504);
        assertThat(problem.getString("title")).isEqualTo("Gateway Timeout");
        assertThat(problem.getString("detail")).contains("dunning").contains("3 s");
      }
      // Each request's access-log line: the gateway is done with all of them.
      for (String id : ids) {
        await().atMost(Duration.ofSeconds(15)).until(() -> log.mentions(id));
      }
      assertThat(log.atLeast(Level.SEVERE)).as("ERROR records").isEmpty();
      assertThat(log.atLeast(Level.WARNING))
          .filteredOn(line -> line.contains(UpstreamFailures.class.getName()))
          .as("WARN records: one for the burst")
          .hasSizeLessThanOrEqualTo(1)
          .allMatch(line -> line.contains("dunning service timed out (504)"));
    }
    assertThat(timeouts() - before).as("every timeout counted").isEqualTo(BURST);
  }

  @Test
  void onlyASilenceAfterTheRequestWasTakenIsATimeout() {
    assertThat(UpstreamFailures.isTimeout(new TimeoutException("silent"))).isTrue();
    assertThat(UpstreamFailures.isTimeout(new RuntimeException(new TimeoutException("silent"))))
        .isTrue();
    assertThat(UpstreamFailures.isTimeout(new ConnectException("refused"))).isFalse();
  }

  /** gateway_upstream_failures_total for dunning's timeouts, 0 before the first. */
  private static double timeouts() {
    String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher line =
        Pattern.compile(
                "gateway_upstream_failures_total\\{kind=\"timeout\",upstream=\"dunning\"\\} (\\S+)")
            .matcher(metrics);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }
}
