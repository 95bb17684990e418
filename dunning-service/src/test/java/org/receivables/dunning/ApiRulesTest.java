package org.receivables.dunning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.kit.testing.TestTokens;

/**
 * Rules every endpoint keeps: tenants never see each other, bad input is a 400 naming the field.
 */
@QuarkusTest
class ApiRulesTest extends DunningFlowSupport {

  @Test
  void tenantsNeverSeeEachOther() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "150.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String reminderId = run(AS_OF).getString("reminders[0].id");
    String other = TestTokens.bearer(TestTokens.freshTenant(), "admin", "collector");
    given()
        .header("Authorization", other)
        .get("/api/v1/dunning/reminders/" + reminderId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .queryParam("customerId", c)
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    given()
        .header("Authorization", other)
        .queryParam("invoiceId", a.invoiceId())
        .queryParam("asOf", AS_OF.toString())
        .get("/api/v1/dunning/interest")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .get("/api/v1/dunning/customers/" + c)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .get("/api/v1/dunning/customers/" + c + "/timeline")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .contentType("application/json")
        .body(Map.of("text", "not my customer"))
        .post("/api/v1/dunning/customers/" + c + "/notes")
        .then()
        .statusCode(404);
    assertThat(
            given()
                .header("Authorization", other)
                .contentType("application/json")
                .body(Map.of("asOf", AS_OF.toString()))
                .post("/api/v1/dunning/runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getInt("remindersSent"))
        .isZero();
  }

  @Test
  void badInputIsA400NamingTheField() {
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("asOf"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{\"asOf\":\"yesterday\"}")
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("asOf"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{\"asOf\":\"2026-01-01\",\"x\":1}")
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("x"));
    given()
        .header("Authorization", admin())
        .queryParam("invoiceId", "x")
        .queryParam("asOf", "31/12/2026")
        .get("/api/v1/dunning/interest")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("asOf"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                "Bad",
                "steps",
                List.of(
                    Map.of(
                        "code",
                        "X",
                        "name",
                        "x",
                        "offsetDays",
                        3,
                        "actions",
                        List.of("SEND"),
                        "channels",
                        List.of("EMAIL"),
                        "template",
                        "nope"))))
        .post("/api/v1/dunning/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("steps[0].template"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("ecbRate", 99))
        .put("/api/v1/dunning/interest-rates/2026-H1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ecbRate"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(
            Map.of(
                "customerId",
                "c",
                "invoiceIds",
                List.of("nope"),
                "amount",
                -1,
                "promisedFor",
                "2026-01-01"))
        .post("/api/v1/dunning/promises")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("amount"))
        .body("errors.field", hasItem("invoiceIds[0]"));
    given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .contentType("application/json")
        .body(Map.of("asOf", "2026-01-01"))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(Map.of("asOf", "2026-01-01"))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(401);
  }
}
