package org.receivables.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.RawHttp;
import org.receivables.gateway.testing.TestData;

@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class ProxyTest {

  @Test
  void methodPathQueryAndBodyArriveUnchanged() {
    JsonObject echo =
        echo(
            given()
                .urlEncodingEnabled(false)
                .header("X-API-Key", DemoKeys.ACME_ADMIN)
                .header("X-Custom", "kept")
                .contentType("application/json")
                .body("{\"amount\":1200.00}")
                .post("/api/v1/invoices/abc%2F1/payments?limit=2&cursor=a%20b&x=1&x=2"));
    assertThat(echo.getString("method")).isEqualTo("POST");
    assertThat(echo.getString("uri"))
        .isEqualTo("/api/v1/invoices/abc%2F1/payments?limit=2&cursor=a%20b&x=1&x=2");
    assertThat(echo.getString("body")).isEqualTo("{\"amount\":1200.00}");
    JsonObject headers = echo.getJsonObject("headers");
    assertThat(headers.getJsonArray("x-custom").getList()).containsExactly("kept");
    assertThat(headers.getJsonArray("content-type").getString(0)).startsWith("application/json");
    assertThat(headers.getJsonArray("x-forwarded-for").getString(0)).isEqualTo("127.0.0.1");
    assertThat(headers.getJsonArray("x-forwarded-proto").getString(0)).isEqualTo("http");
    // the client's Host is not relayed: services never build links from it
    assertThat(headers.containsKey("x-forwarded-host")).isFalse();
    assertThat(headers.containsKey("x-api-key")).isFalse();
  }

  @Test
  void aForgedHostOrForwardedHostNeverReachesAService() {
    JsonObject headers =
        echo(given()
                .header("X-API-Key", DemoKeys.ACME_ADMIN)
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .get("/api/v1/invoices"))
            .getJsonObject("headers");
    assertThat(headers.containsKey("x-forwarded-host")).isFalse();
    assertThat(headers.getJsonArray("host").getString(0)).startsWith("127.0.0.1:");
  }

  @Test
  void everyPrefixReachesItsService() {
    for (String path :
        new String[] {
          "/api/v1/customers",
          "/api/v1/payments/1",
          "/api/v1/credit-notes",
          "/api/v1/dunning/runs",
          "/api/v1/kpis/summary",
          "/dashboard",
          "/dashboard/app.js"
        }) {
      given()
          .header("X-API-Key", DemoKeys.ACME_VIEWER)
          .get(path)
          .then()
          .statusCode(200)
          .header("X-Upstream", "fake")
          .body("path", equalTo(path));
    }
  }

  @Test
  void requestIdIsKeptWhenSaneAndCreatedOtherwise() {
    Response kept =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("X-Request-Id", "erp-batch-42")
            .get("/api/v1/invoices");
    assertThat(kept.header("X-Request-Id")).isEqualTo("erp-batch-42");
    assertThat(echo(kept).getJsonObject("headers").getJsonArray("x-request-id").getList())
        .containsExactly("erp-batch-42");

    Response created =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("X-Request-Id", "bad id\twith spaces")
            .get("/api/v1/invoices");
    String id = created.header("X-Request-Id");
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(echo(created).getJsonObject("headers").getJsonArray("x-request-id").getList())
        .containsExactly(id);
  }

  @Test
  void hopByHopRequestHeadersAreDropped() {
    JsonObject headers =
        echo(given()
                .header("X-API-Key", DemoKeys.ACME_ADMIN)
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "connection only")
                .header("Proxy-Authorization", "Basic eDp5")
                .header("TE", "trailers")
                .get("/api/v1/invoices"))
            .getJsonObject("headers");
    assertThat(headers.containsKey("x-hop")).isFalse();
    assertThat(headers.containsKey("proxy-authorization")).isFalse();
    assertThat(headers.containsKey("te")).isFalse();
  }

  @Test
  void statusAndHeadersOfTheServicePassThrough() {
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .header("X-Test-Mode", "created")
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .header("Location", "/api/v1/invoices/42")
        .header("ETag", "\"7\"")
        .body("id", equalTo("42"));
  }

  @Test
  void aProblemFromTheServicePassesThroughUntouched() {
    String body =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("X-Test-Mode", "problem")
            .post("/api/v1/invoices")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .asString();
    assertThat(body).isEqualTo(FakeUpstream.PROBLEM);
  }

  @Test
  void hopByHopResponseHeadersAreDropped() {
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .header("X-Test-Mode", "hop-by-hop")
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .header("X-End-To-End", "kept")
        .header("X-Connection-Only", nullValue())
        .header("Keep-Alive", nullValue())
        .header("Proxy-Authenticate", nullValue());
  }

  @Test
  void largeBodiesStreamBothWaysIntact() {
    byte[] upload = TestData.bytes(0, 5 * 1024 * 1024);
    JsonObject echo =
        echo(
            given()
                .header("X-API-Key", DemoKeys.ACME_ADMIN)
                .contentType("application/octet-stream")
                .body(upload)
                .put("/api/v1/invoices/import"));
    assertThat(echo.getInteger("bodyLength")).isEqualTo(upload.length);
    assertThat(echo.getString("bodySha256")).isEqualTo(TestData.sha256(upload));

    byte[] mirrored =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("X-Test-Mode", "mirror")
            .contentType("application/octet-stream")
            .body(upload)
            .post("/api/v1/invoices/import")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(TestData.sha256(mirrored)).isEqualTo(TestData.sha256(upload));

    int size = 12 * 1024 * 1024 + 17;
    byte[] download =
        given()
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("X-Test-Mode", "download")
            .header("X-Test-Size", size)
            .get("/api/v1/kpis/export")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(download.length).isEqualTo(size);
    assertThat(TestData.sha256(download)).isEqualTo(TestData.sha256(TestData.bytes(0, size)));
  }

  @Test
  void bodiesOverTenMegabytesAreRefused() throws Exception {
    // Announced, not sent: the gateway must refuse on the length alone.
    assertThat(
            RawHttp.statusLine(
                "POST /api/v1/invoices/import HTTP/1.1",
                "Host: localhost",
                "X-API-Key: " + DemoKeys.ACME_ADMIN,
                "Content-Type: application/octet-stream",
                "Content-Length: " + (10 * 1024 * 1024 + 1)))
        .startsWith("HTTP/1.1 413");
  }

  @Test
  void chunkedBodiesAreRelayedAndLimitedToo() throws Exception {
    byte[] upload = TestData.bytes(0, 6 * 1024 * 1024);
    HttpResponse<String> relayed = postChunked(upload);
    assertThat(relayed.statusCode()).isEqualTo(200);
    JsonObject echo = new JsonObject(relayed.body());
    assertThat(echo.getString("bodySha256")).isEqualTo(TestData.sha256(upload));
    assertThat(echo.getJsonObject("headers").getJsonArray("transfer-encoding").getList())
        .containsExactly("chunked");

    HttpResponse<String> refused = postChunked(new byte[11 * 1024 * 1024]);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /** No length is declared, so the body goes chunked. */
  private static HttpResponse<String> postChunked(byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/v1/invoices/import"))
            .header("X-API-Key", DemoKeys.ACME_ADMIN)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .timeout(Duration.ofSeconds(20))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aServiceThatIsDownIsUnavailableQuickly() {
    long start = System.nanoTime();
    given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .get("/api/v1/scores/c-1")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .body("status", equalTo(503))
        .body("detail", containsString("scoring"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void anythingElseUnderApiIsNotFound() {
    for (String path :
        new String[] {"/api/v1/nope", "/api/v1/invoicesX", "/api", "/api/v2/invoices"}) {
      given()
          .header("X-API-Key", DemoKeys.ACME_ADMIN)
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404));
    }
  }

  @Test
  void dotSegmentsNeverReachAService() throws Exception {
    for (String path :
        new String[] {"/api/v1/kpis/../invoices/1", "/api/v1/kpis/%2E%2e/invoices"}) {
      assertThat(
              RawHttp.statusLine(
                  "GET " + path + " HTTP/1.1",
                  "Host: localhost",
                  "X-API-Key: " + DemoKeys.ACME_ADMIN,
                  "Connection: close"))
          .startsWith("HTTP/1.1 400");
    }
  }

  private static JsonObject echo(Response response) {
    response.then().statusCode(200).header("X-Upstream", "fake");
    return new JsonObject(response.asString());
  }
}
