package org.receivables.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

  @Test
  void servicesRolesMoveToTheGatewaySchemes() {
    JsonObject service =
        new JsonObject(
            """
            {"openapi": "3.1.0",
             "paths": {"/api/v1/kpis/summary": {"get": {
               "security": [{"SecurityScheme": ["viewer", "admin"]}],
               "responses": {"200": {"description": "OK"}}}}},
             "components": {"securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer"}}}}
            """);
    JsonObject merged = OpenApiMerger.merge(Map.of("kpi", service), List.of());
    JsonObject get =
        merged.getJsonObject("paths").getJsonObject("/api/v1/kpis/summary").getJsonObject("get");
    assertThat(get.getJsonArray("x-roles").getList()).containsExactly("admin", "viewer");
    assertThat(get.getJsonArray("security").getJsonObject(0).getJsonArray("apiKey").getList())
        .containsExactly("admin", "viewer");
    assertThat(get.getJsonArray("security").getJsonObject(1).getJsonArray("bearer").getList())
        .containsExactly("admin", "viewer");
    assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
        .containsExactlyInAnyOrder("apiKey", "bearer");
  }

  @Test
  void everyProxiedOperationMayEndInTheGatewaysTimeoutAndOnlyThose() {
    JsonObject service =
        new JsonObject(
            """
            {"openapi": "3.1.0",
             "paths": {"/api/v1/dunning/runs": {
               "get": {"responses": {"200": {"description": "OK"}}},
               "post": {"responses": {"201": {"description": "Created"}}}}}}
            """);
    JsonObject gateway = OpenApiDocuments.gatewayDocument();
    Map<String, JsonObject> documents = new java.util.LinkedHashMap<>();
    documents.put("dunning", service);
    documents.put(OpenApiMerger.GATEWAY, gateway);
    JsonObject paths = OpenApiMerger.merge(documents, List.of()).getJsonObject("paths");
    for (String method : List.of("get", "post")) {
      assertThat(
              paths
                  .getJsonObject("/api/v1/dunning/runs")
                  .getJsonObject(method)
                  .getJsonObject("responses")
                  .getJsonObject("504")
                  .getString("$ref"))
          .isEqualTo("#/components/responses/GatewayProblem");
    }
    assertThat(
            paths
                .getJsonObject("/admin/v1/api-keys")
                .getJsonObject("get")
                .getJsonObject("responses")
                .containsKey("504"))
        .as("the gateway answers its own operations")
        .isFalse();
  }
}
