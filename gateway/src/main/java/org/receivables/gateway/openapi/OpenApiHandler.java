package org.receivables.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.receivables.gateway.http.Problems;

/** Serves the merged document at the address tools expect, {@code /q/openapi}, as JSON or YAML. */
@ApplicationScoped
public class OpenApiHandler {

  private static final Logger LOG = Logger.getLogger(OpenApiHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final OpenApiDocuments documents;

  public OpenApiHandler(OpenApiDocuments documents) {
    this.documents = documents;
  }

  public void handle(RoutingContext ctx) {
    boolean yaml = "yaml".equalsIgnoreCase(ctx.request().getParam("format"));
    documents
        .merged()
        .onSuccess(
            document -> {
              if (yaml) {
                ctx.response()
                    .putHeader("Content-Type", "application/yaml;charset=UTF-8")
                    .end(toYaml(document));
              } else {
                ctx.response()
                    .putHeader("Content-Type", "application/json;charset=UTF-8")
                    .end(document.encode());
              }
            })
        .onFailure(
            failure -> {
              LOG.error("Merging the OpenAPI documents failed", failure);
              Problems.send(
                  ctx, 500, "Internal Server Error", "The OpenAPI document could not be built.");
            });
  }

  private static String toYaml(JsonObject document) {
    try {
      return YAML.writeValueAsString(JSON.readTree(document.encode()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A JSON document could not be written as YAML", e);
    }
  }
}
