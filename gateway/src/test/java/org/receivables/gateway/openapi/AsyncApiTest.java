package org.receivables.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.receivables.events.AsyncApiDocument;
import org.receivables.gateway.testing.FakeUpstream;

@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class AsyncApiTest {

  @Test
  void servesTheEventsDocumentWithoutAKey() throws Exception {
    String body =
        given()
            .get("/q/asyncapi")
            .then()
            .statusCode(200)
            .header("Content-Type", equalTo("application/vnd.aai.asyncapi+json;version=3.0.0"))
            .body("asyncapi", equalTo("3.0.0"))
            .body("channels.invoicing.address", equalTo("receivables.invoicing.v1"))
            .body(
                "components.messages.InvoiceIssued.name", equalTo("receivables.invoice.issued.v1"))
            .body("channels.webhooks.address", equalTo("receivables.webhooks.v1"))
            .body("components.messages.InvoiceIssuedWebhook.name", equalTo("invoice.issued"))
            .extract()
            .asString();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(body)).isEqualTo(json.readTree(AsyncApiDocument.json()));
  }

  @Test
  void servesYamlOnRequest() throws Exception {
    String body =
        given()
            .get("/q/asyncapi?format=yaml")
            .then()
            .statusCode(200)
            .header("Content-Type", equalTo("application/vnd.aai.asyncapi+yaml;version=3.0.0"))
            .extract()
            .asString();
    assertThat(new YAMLMapper().readTree(body))
        .isEqualTo(new ObjectMapper().readTree(AsyncApiDocument.json()));
  }
}
