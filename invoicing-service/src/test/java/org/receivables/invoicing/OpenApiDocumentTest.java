package org.receivables.invoicing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document front ends build on: every operation summarised, its errors listed, its
 * roles and its Idempotency-Key named.
 */
@QuarkusTest
class OpenApiDocumentTest {

  private static JsonPath document() {
    return given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void everyLedgerEndpointIsDocumentedWithItsErrors() {
    JsonPath doc = document();
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    assertThat(paths)
        .containsKeys(
            "/api/v1/customers/{id}",
            "/api/v1/invoices/batch",
            "/api/v1/invoices/{invoiceId}/payments",
            "/api/v1/payments",
            "/api/v1/payments/{id}/reversal",
            "/api/v1/invoices/{id}/cancellation",
            "/api/v1/invoices/{id}/write-off",
            "/api/v1/invoices/{id}/due-date",
            "/api/v1/invoices/{invoiceId}/credit-notes",
            "/api/v1/invoices/{invoiceId}/disputes",
            "/api/v1/invoices/{invoiceId}/disputes/{disputeId}/resolution",
            "/api/v1/invoices/{id}/audit");
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, op) -> {
                  if (!path.startsWith("/api/")) {
                    return;
                  }
                  String where = method.toUpperCase() + " " + path;
                  assertThat(op.get("summary")).as(where + " summary").isNotNull();
                  @SuppressWarnings("unchecked")
                  Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                  assertThat(responses).as(where + " responses").containsKey("401");
                  assertThat(responses.keySet().stream().anyMatch(s -> s.startsWith("2")))
                      .as(where + " success response")
                      .isTrue();
                  if (method.equals("post")) {
                    assertThat(responses).as(where + " responses").containsKeys("400", "403");
                  }
                }));
    Map<String, Object> schemaMap = doc.getMap("components.schemas");
    List<String> schemas = List.copyOf(schemaMap.keySet());
    assertThat(schemas)
        .contains(
            "Payment",
            "AllocatedPaymentRequest",
            "CreditNote",
            "Dispute",
            "AuditEntry",
            "InvoiceBatchResult");
  }

  /**
   * The e-invoice media types (issue #14): the intake takes XML and PDF, the invoice and its credit
   * notes are served as CII/UBL XML and Factur-X PDF beside JSON, and so is the original document.
   */
  @Test
  void theXmlAndPdfRepresentationsAreDescribed() {
    JsonPath doc = document();
    assertThat(doc.getMap("paths.'/api/v1/e-invoices'.post.requestBody.content"))
        .containsKeys("application/xml", "text/xml", "application/pdf");
    assertThat(doc.getMap("paths.'/api/v1/invoices/{id}'.get.responses.'200'.content"))
        .containsKeys("application/json", "application/xml", "application/pdf");
    assertThat(
            doc.getMap(
                "paths.'/api/v1/invoices/{invoiceId}/credit-notes/{creditNoteId}'.get.responses"
                    + ".'200'.content"))
        .containsKeys("application/json", "application/xml", "application/pdf");
    assertThat(doc.getMap("paths.'/api/v1/invoices/{id}/document'.get.responses.'200'.content"))
        .containsKeys("application/xml", "application/pdf");
    assertThat(
            doc.getString(
                "paths.'/api/v1/invoices/{id}'.get.responses.'200'.content.'application/pdf'"
                    + ".schema.format"))
        .isEqualTo("binary");
  }

  /** The kit's filters: role sets appear as their roles; @Idempotent operations say so. */
  @Test
  void rolesAreRealRolesAndEveryCreatingPostDocumentsItsIdempotencyKey() {
    JsonPath doc = document();
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, op) -> {
                  String where = method.toUpperCase() + " " + path;
                  assertThat(String.valueOf(op.get("security"))).as(where).doesNotContain("${");
                  // an e-invoice is idempotent by seller + number, the document's own key (API.md)
                  if (method.equals("post")
                      && path.startsWith("/api/")
                      && !path.equals("/api/v1/e-invoices")) {
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
