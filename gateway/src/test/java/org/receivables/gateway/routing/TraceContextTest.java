package org.receivables.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;

/** W3C trace context through the gateway: what the service receives, what the access log says. */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class TraceContextTest {

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  private static String hex(int length) {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
  }

  /** The one traceparent the service received, checked for W3C form. */
  private static String[] upstreamTraceparent(JsonObject headers) {
    List<Object> values = headers.getJsonArray("traceparent").getList();
    assertThat(values).hasSize(1);
    var matcher = TRACEPARENT.matcher((String) values.get(0));
    assertThat(matcher.matches()).as("W3C traceparent: %s", values.get(0)).isTrue();
    assertThat(matcher.group(1)).isNotEqualTo("0".repeat(32));
    assertThat(matcher.group(2)).isNotEqualTo("0".repeat(16));
    return new String[] {matcher.group(1), matcher.group(2)};
  }

  private static JsonObject echoedHeaders(Response response) {
    response.then().statusCode(200).header("X-Upstream", "fake");
    return new JsonObject(response.asString()).getJsonObject("headers");
  }

  @Test
  void theCallersTraceContinuesUnderTheGatewaysOwnSpan() {
    String traceId = hex(32);
    String callerSpan = hex(16);
    Response response =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
            .header("tracestate", "erp=batch42")
            .header("baggage", "user=someone-outside")
            .get("/api/v1/invoices");
    JsonObject headers = echoedHeaders(response);

    String[] upstream = upstreamTraceparent(headers);
    assertThat(upstream[0]).isEqualTo(traceId);
    assertThat(upstream[1]).as("parent is the gateway's span").isNotEqualTo(callerSpan);
    assertThat(headers.getJsonArray("tracestate").getList()).containsExactly("erp=batch42");
    assertThat(headers.containsKey("baggage")).isFalse();
    assertThat(response.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void withoutACallerTraceTheGatewayStartsOne() {
    String first =
        upstreamTraceparent(
            echoedHeaders(
                given().header("X-API-Key", DemoKeys.ACME_ADMIN).get("/api/v1/invoices")))[0];
    String second =
        upstreamTraceparent(
            echoedHeaders(
                given().header("X-API-Key", DemoKeys.ACME_ADMIN).get("/api/v1/invoices")))[0];
    assertThat(second).isNotEqualTo(first);

    String garbage = "00-not-a-trace-01";
    JsonObject headers =
        echoedHeaders(
            given()
                .header("X-API-Key", DemoKeys.ACME_ADMIN)
                .header("traceparent", garbage)
                .get("/api/v1/invoices"));
    upstreamTraceparent(headers);
  }

  @Test
  void theAccessLogLineNamesTheRequestIdAndTheTraceId() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(
                record.getParameters() == null
                    ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger access = Logger.getLogger("org.receivables.gateway.access");
    access.addHandler(capture);
    try {
      String traceId = hex(32);
      String requestId = "trace-test-" + hex(8);
      given()
          .header("X-API-Key", DemoKeys.ACME_ADMIN)
          .header("X-Request-Id", requestId)
          .header("traceparent", "00-" + traceId + "-" + hex(16) + "-01")
          .get("/api/v1/invoices")
          .then()
          .statusCode(200);
      // The line is written when the exchange ends, just after the client has its answer.
      await("the access line of " + requestId)
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .untilAsserted(
              () ->
                  assertThat(lines)
                      .filteredOn(l -> l.contains("requestId=" + requestId))
                      .singleElement()
                      .satisfies(
                          line -> {
                            assertThat(line).contains("traceId=" + traceId);
                            assertThat(line).doesNotContain(DemoKeys.ACME_ADMIN);
                          }));
    } finally {
      access.removeHandler(capture);
    }
  }
}
