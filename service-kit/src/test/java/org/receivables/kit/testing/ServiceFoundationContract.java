package org.receivables.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.CidrAddressConverter;
import io.quarkus.runtime.configuration.InetSocketAddressConverter;
import io.restassured.RestAssured;
import java.net.InetSocketAddress;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises ops, checked on the real app: readiness covers its database and
 * Kafka, metrics and the OpenAPI document are served, the service's API tests are checked against
 * that document, and no trusted proxy costs a DNS query per request. A service's test extends this
 * under {@code @QuarkusTest}.
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

  /**
   * Every trusted proxy is an address or a CIDR range. Quarkus reads each entry with these two
   * converters (a CIDR when it ends in /bits) and takes an entry that does not parse as an address
   * for a host name, which it resolves on every request: a bare {@code ::1} (host ":", port 1) cost
   * every request of every service a DNS round trip (docs/performance.md, 2026-12-07).
   */
  @Test
  void trustedProxiesAreAddressesNotHostNamesResolvedOnEveryRequest() {
    List<String> proxies =
        ConfigProvider.getConfig()
            .getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class)
            .orElse(List.of());
    for (String proxy : proxies) {
      if (proxy.matches(".+/\\d+")) {
        assertThat(new CidrAddressConverter().convert(proxy)).as(proxy).isNotNull();
      } else {
        InetSocketAddress address = new InetSocketAddressConverter().convert(proxy);
        assertThat(address.isUnresolved())
            .as("trusted proxy '%s' is read as host name '%s'", proxy, address.getHostString())
            .isFalse();
      }
    }
  }
}
