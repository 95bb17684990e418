package org.receivables.invoicing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's resource conventions as invoicing uses them: role sets ({@code Roles.LEDGER_WRITERS},
 * mixed with a single role) are enforced and listed in the document as real roles, and every
 * {@code @Idempotent} operation documents the Idempotency-Key header, 409 and 422.
 */
@QuarkusTest
class KitResourceConventionsTest {

  private final TestLedger api = new TestLedger();

  @Test
  void aRoleSetAllowsItsRolesAndNoOther() {
    String customer = api.customer();
    Map<String, String> due = Map.of("dueDate", "2026-03-31");
    // {LEDGER_WRITERS, COLLECTOR}: a collector may move a due date, a credit manager may not
    String invoice = api.invoice(customer, "2026-01-15", "100");
    api.as("collector")
        .body(due)
        .put("/api/v1/invoices/" + invoice + "/due-date")
        .then()
        .statusCode(200);
    api.as("credit-manager")
        .body(due)
        .put("/api/v1/invoices/" + invoice + "/due-date")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    // LEDGER_WRITERS alone: admin yes, viewer no
    api.as("viewer")
        .body(TestLedger.invoiceBody(customer, "2026-01-15", "100"))
        .post("/api/v1/invoices")
        .then()
        .statusCode(403);
    api.as("admin")
        .body(TestLedger.invoiceBody(customer, "2026-01-15", "100"))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201);
    // ANYONE: each role reads
    for (String role : List.of("admin", "erp", "collector", "credit-manager", "viewer")) {
      api.as(role).get("/api/v1/invoices/" + invoice).then().statusCode(200);
    }
  }

  @Test
  void theDocumentListsRealRolesAndTheIdempotencyContract() {
    JsonPath doc =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, op) -> {
                  String where = method.toUpperCase() + " " + path;
                  assertThat(String.valueOf(op.get("security"))).as(where).doesNotContain("${");
                  if (method.equals("post") && path.startsWith("/api/")) {
                    assertThat(String.valueOf(op.get("parameters")))
                        .as(where + " parameters")
                        .contains("Idempotency-Key");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                    assertThat(responses).as(where).containsKeys("409", "422");
                  }
                }));
    assertThat(
            doc.getList("paths.'/api/v1/invoices/{id}/write-off'.post.security[0].SecurityScheme"))
        .containsExactlyInAnyOrder("admin", "erp", "credit-manager");
    assertThat(doc.getList("paths.'/api/v1/invoices'.get.security[0].SecurityScheme"))
        .containsExactlyInAnyOrder("admin", "erp", "collector", "credit-manager", "viewer");
    assertThat(
            doc.getString(
                "paths.'/api/v1/invoices'.post.responses.'201'.headers.Idempotent-Replayed"
                    + ".schema.type"))
        .isEqualTo("boolean");
  }
}
