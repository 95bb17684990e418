package org.receivables.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.FakeUpstream;

@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

  @Test
  void mergesTheServicesDocumentsAndAddsSecurity() {
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("info.title", equalTo("Receivables suite API"))
        .body("paths.'/api/v1/invoices'.get", notNullValue())
        .body("paths.'/api/v1/invoices/{id}'.get", notNullValue())
        .body("components.schemas.Invoice.type", equalTo("object"))
        .body("tags.name", hasItem("Invoices"))
        .body("components.securitySchemes.apiKey.type", equalTo("apiKey"))
        .body("components.securitySchemes.apiKey.in", equalTo("header"))
        .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
        .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
        .body("security.size()", equalTo(2))
        .body("'x-unavailable'", equalTo(java.util.List.of("scoring")));
  }

  @Test
  void documentsTheGatewaysOwnKeyAdministration() {
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/admin/v1/api-keys'.post.responses.'201'", notNullValue())
        .body("paths.'/admin/v1/api-keys'.get.'x-roles'", equalTo(java.util.List.of("admin")))
        .body("paths.'/admin/v1/api-keys/{id}/rotation'.post", notNullValue())
        .body("paths.'/admin/v1/api-keys/{id}'.delete.responses.'204'", notNullValue())
        .body("components.schemas.IssuedApiKey", notNullValue())
        .body("tags.name", hasItem("API keys"));
  }

  @Test
  void servesYamlOnRequest() {
    given()
        .get("/q/openapi?format=yaml")
        .then()
        .statusCode(200)
        .contentType(containsString("yaml"))
        .body(containsString("title: \"Receivables suite API\""));
  }

  @Test
  void swaggerUiPointsAtTheMergedDocument() {
    given().get("/q/swagger-ui/").then().statusCode(200);
    given()
        .get("/q/swagger-ui/index.html")
        .then()
        .statusCode(200)
        .body(containsString("/q/openapi"));
  }
}
