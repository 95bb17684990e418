package org.receivables.invoicing;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's role sets as invoicing uses them ({@code Roles.LEDGER_WRITERS}, {@code Roles.ANYONE}, a
 * set mixed with a single role): each allows its roles and no other.
 */
@QuarkusTest
class RoleSetsTest {

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
}
