package org.receivables.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.RawHttp;

/**
 * Every error the gateway answers itself is problem+json (RFC 9457), including those the router
 * raises (no route, wrong method) and the size limits that Vert.x would otherwise answer with an
 * empty body.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class HttpErrorsTest {

  private static final String KEY = "X-API-Key: " + DemoKeys.ACME_ADMIN;

  private static RawHttp.Response send(String requestLine, String... headers) throws Exception {
    List<String> head = new ArrayList<>();
    head.add(requestLine);
    head.add("Host: localhost");
    head.addAll(List.of(headers));
    head.add("Connection: close");
    return RawHttp.exchange(head.toArray(String[]::new));
  }

  private static JsonObject problem(RawHttp.Response response, int status) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.headers().get("content-type"))
        .as("content type of %s", response)
        .isEqualTo("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isEqualTo("https://receivables.org/problems/" + status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }

  @Test
  void noRouteIsNotFound() throws Exception {
    JsonObject problem = problem(send("GET /nope HTTP/1.1"), 404);
    assertThat(problem.getString("detail")).contains("/nope");
  }

  @Test
  void aWrongMethodIsNotAllowed() throws Exception {
    RawHttp.Response openApi = send("DELETE /q/openapi HTTP/1.1");
    problem(openApi, 405);
    assertThat(openApi.headers().get("allow")).as("the router's own 405").contains("GET");

    RawHttp.Response admin = send("PUT /admin/v1/api-keys HTTP/1.1", KEY);
    problem(admin, 405);
    assertThat(admin.headers().get("allow")).isEqualTo("GET, POST");
  }

  @Test
  void anAnswerTheClientDoesNotAcceptIsNotAcceptable() throws Exception {
    problem(send("GET /admin/v1/api-keys HTTP/1.1", KEY, "Accept: text/html"), 406);
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnsupportedMediaType() throws Exception {
    problem(
        RawHttp.exchange(
            "POST /admin/v1/api-keys HTTP/1.1",
            "Host: localhost",
            KEY,
            "Content-Type: text/plain",
            "Content-Length: 2",
            "Connection: close",
            "",
            "hi"),
        415);
  }

  @Test
  void anAnnouncedBodyOverTheLimitIsTooLarge() throws Exception {
    JsonObject problem =
        problem(
            send(
                "POST /api/v1/invoices/import HTTP/1.1",
                KEY,
                "Content-Type: application/octet-stream",
                "Content-Length: " + (10 * 1024 * 1024 + 1)),
            413);
    assertThat(problem.getString("detail")).contains("10485760");
  }

  @Test
  void aLongUriIsTooLong() throws Exception {
    String target = "/api/v1/invoices?q=" + "x".repeat(5000);
    problem(send("GET " + target + " HTTP/1.1", KEY), 414);
    // without a key too: the limit comes first
    problem(send("GET " + target + " HTTP/1.1"), 414);
  }

  @Test
  void largeHeadersAreTooLarge() throws Exception {
    problem(send("GET /api/v1/invoices HTTP/1.1", KEY, "X-Big: " + "y".repeat(17_000)), 431);
  }

  @Test
  void aRequestWithoutHostIsABadRequest() throws Exception {
    JsonObject problem =
        problem(RawHttp.exchange("GET /api/v1/invoices HTTP/1.1", KEY, "Connection: close"), 400);
    assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("stack");
  }

  @Test
  void limitsStillLetOrdinaryRequestsThrough() throws Exception {
    RawHttp.Response ok =
        send(
            "GET /api/v1/invoices?q=" + "x".repeat(3000) + " HTTP/1.1",
            KEY,
            "X-Big: " + "y".repeat(6_000));
    assertThat(ok.status()).as("%s", ok).isEqualTo(200);
  }
}
