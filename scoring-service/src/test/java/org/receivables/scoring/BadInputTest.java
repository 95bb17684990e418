package org.receivables.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemMappers;
import org.receivables.kit.testing.TestTokens;

/**
 * The kit's input rules on a real service: the requests that used to end as a 500 (a NUL or a blank
 * in a path, broken UTF-8 in a query, control characters in a header or a JSON string, a body
 * nested deeper than anyone writes, a value PostgreSQL refuses) are 400 problems that name what is
 * wrong.
 */
@QuarkusTest
class BadInputTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
  private final String tenant = TestTokens.freshTenant();

  @Inject EntityManager em;

  private RequestSpecification manager() {
    return given()
        .header("Authorization", TestTokens.bearer(tenant, "credit-manager", "erp"))
        .contentType(ContentType.JSON)
        .urlEncodingEnabled(false);
  }

  private static ValidatableResponse problem(
      io.restassured.response.Response r, int status, String field) {
    return r.then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", hasItem(field));
  }

  private static Map<String, Object> rating(String source, String ratedOn) {
    return Map.of("source", source, "score", 70, "ratedOn", ratedOn);
  }

  @Test
  void aNulOrABlankInThePathIsA400NamingTheParameter() {
    problem(manager().get("/api/v1/scores/%00/external-rating"), 400, "customerId")
        .body("detail", containsString("control characters"));
    problem(manager().get("/api/v1/scores/%20/credit-limit"), 400, "customerId")
        .body("detail", containsString("blank"));
    problem(
        manager().body(Map.of("level", "HIGH")).put("/api/v1/scores/sector-risks/%00"),
        400,
        "sector");
    problem(
        manager().body(Map.of("level", "HIGH")).put("/api/v1/scores/sector-risks/%20"),
        400,
        "sector");
    problem(
        manager()
            .body(Map.of("level", "HIGH"))
            .put("/api/v1/scores/sector-risks/" + "s".repeat(51)),
        400,
        "sector");
  }

  @Test
  void aCustomerIdThatIsNotAUuidIsA400AndAnUnknownOneA404() {
    for (String bad : new String[] {"not-a-uuid", "12345", "x".repeat(1000), "..%2F..", "%C3%28"}) {
      manager()
          .get("/api/v1/scores/" + bad + "/credit-hold")
          .then()
          .statusCode(400)
          .contentType(Problem.MEDIA_TYPE)
          .body("errors[0].field", equalTo("customerId"));
    }
    manager()
        .get("/api/v1/scores/" + UUID.randomUUID() + "/credit-hold")
        .then()
        .statusCode(404)
        .contentType(Problem.MEDIA_TYPE);
    io.restassured.path.json.JsonPath doc =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(
            doc.getString(
                "paths.'/api/v1/scores/{customerId}'.get.parameters.find {"
                    + " it.name == 'customerId' }.schema.$ref"))
        .isEqualTo("#/components/schemas/UUID");
    assertThat(doc.getString("components.schemas.UUID.format")).isEqualTo("uuid");
  }

  @Test
  void brokenUtf8AndControlCharactersInTheQueryAreA400NamingTheParameter() throws IOException {
    String c = UUID.randomUUID().toString();
    for (String bad : new String[] {"%C3%28", "%FF", "2026%0001-01", "%01", "%20%20"}) {
      problem(manager().get("/api/v1/scores/" + c + "/behaviour?asOf=" + bad), 400, "asOf");
    }
    // what an HTTP client library refuses to send, sent as bytes; Vert.x refuses it (a bare 400)
    assertThat(raw("/api/v1/scores/" + c + "/behaviour?asOf=%zz", "")).startsWith("HTTP/1.1 400");
    problem(manager().get("/api/v1/scores/sector-risks?limit=abc"), 400, "limit");
  }

  @Test
  void aControlCharacterOrABlankInAHeaderIsA400NamingTheHeader() throws IOException {
    problem(
        manager()
            .header("Idempotency-Key", " ")
            .body(ScoringApiTest.statement(UUID.randomUUID().toString()))
            .post("/api/v1/financial-statements"),
        400,
        "Idempotency-Key");
    // Vert.x's HTTP codec refuses it before any application code: a 400, never a 500
    String answer = raw("/api/v1/scores/" + UUID.randomUUID() + "/credit-hold", "X-Note: a\u0001b");
    assertThat(answer).startsWith("HTTP/1.1 400");
  }

  /** A GET written byte by byte, as a client that checks nothing would send it. */
  private String raw(String target, String header) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(20_000);
      String request =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
              + TestTokens.bearer(tenant, "viewer")
              + "\r\n"
              + (header.isEmpty() ? "" : header + "\r\n")
              + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aNulInAJsonStringIsA400NamingTheField() {
    String c = UUID.randomUUID().toString();
    manager()
        .body(ScoringApiTest.statement(c))
        .post("/api/v1/financial-statements")
        .then()
        .statusCode(201);
    problem(
            manager()
                .body(rating("Banque\u0000de France", TODAY.toString()))
                .put("/api/v1/scores/" + c + "/external-rating"),
            400,
            "source")
        .body("detail", not(containsString("Banque")));
    manager()
        .body(rating("Banque de France\r\n\tsiège", TODAY.toString()))
        .put("/api/v1/scores/" + c + "/external-rating")
        .then()
        .statusCode(200);
  }

  @Test
  void aBodyNestedTwentyThousandDeepOrAHugeNumberIsA400() {
    String c = UUID.randomUUID().toString();
    String deep = "[".repeat(20_000) + "]".repeat(20_000);
    manager()
        .body(deep)
        .put("/api/v1/scores/" + c + "/external-rating")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
    String deepObject = "{\"source\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_001);
    manager()
        .body(deepObject)
        .put("/api/v1/scores/" + c + "/external-rating")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
    manager()
        .body("{\"source\":\"B\",\"score\":" + "9".repeat(5000) + ",\"ratedOn\":\"2026-01-01\"}")
        .put("/api/v1/scores/" + c + "/external-rating")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
  }

  @Test
  void aValuePostgresqlRefusesIsA400WithoutTheSql() {
    String c = UUID.randomUUID().toString();
    manager()
        .body(ScoringApiTest.statement(c))
        .post("/api/v1/financial-statements")
        .then()
        .statusCode(201);
    // a date PostgreSQL cannot store (before 4713 BC): SQLSTATE 22008 at the insert
    manager()
        .body(rating("Bureau", "-999999-01-01"))
        .put("/api/v1/scores/" + c + "/external-rating")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("date"))
        .body("detail", not(containsString("insert")));
  }

  @Test
  void theMapperAnswersARealDataExceptionOfPostgresqlAs400() {
    Throwable refused = null;
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("select cast(:v as text)")
                      .setParameter("v", "a\u0000b")
                      .getSingleResult());
    } catch (RuntimeException e) {
      refused = e;
    }
    assertThat(refused).as("PostgreSQL refuses a NUL in text").isNotNull();
    Response answer = new ProblemMappers().unexpected(refused, null);
    assertThat(answer.getStatus()).isEqualTo(400);
    Problem p = (Problem) answer.getEntity();
    assertThat(p.detail()).contains("cannot be stored").doesNotContain("select");
  }
}
