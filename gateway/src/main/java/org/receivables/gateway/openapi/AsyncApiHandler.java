package org.receivables.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.receivables.events.AsyncApiDocument;

/**
 * Serves the AsyncAPI document of the events beside the OpenAPI one, at {@code /q/asyncapi}, as
 * JSON or ({@code ?format=yaml}) YAML, with the media types the AsyncAPI specification registers.
 * It is the file of the events jar, checked against the event records by that module's tests: the
 * gateway owns no events and adds nothing to it.
 */
@ApplicationScoped
public class AsyncApiHandler {

  static final String JSON_TYPE = "application/vnd.aai.asyncapi+json;version=3.0.0";
  static final String YAML_TYPE = "application/vnd.aai.asyncapi+yaml;version=3.0.0";

  private final String json = AsyncApiDocument.json();
  private final String yaml = toYaml(json);

  public void handle(RoutingContext ctx) {
    if ("yaml".equalsIgnoreCase(ctx.request().getParam("format"))) {
      ctx.response().putHeader("Content-Type", YAML_TYPE).end(yaml);
    } else {
      ctx.response().putHeader("Content-Type", JSON_TYPE).end(json);
    }
  }

  private static String toYaml(String json) {
    try {
      return new YAMLMapper().writeValueAsString(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("The AsyncAPI document could not be written as YAML", e);
    }
  }
}
