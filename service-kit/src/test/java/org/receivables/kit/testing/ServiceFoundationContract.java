package org.receivables.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * What every service promises ops, checked on the real app: readiness covers its database and
 * Kafka, metrics and the OpenAPI document are served, and the service's API tests are checked
 * against that document. A service's test extends this under {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationContract {

  @Test
  void readinessCoversTheDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")))
        .body("checks.name", hasItem(containsString("Kafka")));
  }

  @Test
  void everyCallOfTheTestsIsCheckedAgainstTheOpenApiDocument() {
    // installed by OpenApiContractCallback, which the service lists in its test resources
    given().get("/q/health/live").then().statusCode(200);
    assertThat(RestAssured.filters()).anyMatch(OpenApiContract.class::isInstance);
  }

  @Test
  void theDocumentSaysWhichResponseFieldsAreAlwaysThereAndWhichCanBeNull() throws Exception {
    String served =
        given().queryParam("format", "json").get("/q/openapi").then().extract().asString();
    assertThat(
            ResponseRecordCheck.violations(
                new ObjectMapper().readTree(served), ResponseRecordCheck.recordsOfTheApp()))
        .isEmpty();
  }

  @Test
  void livenessMetricsAndOpenApiAreServed() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", containsString("3."));
  }
}
