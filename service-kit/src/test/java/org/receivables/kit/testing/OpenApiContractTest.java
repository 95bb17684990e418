package org.receivables.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The validator applies what a 3.1 document says, through OpenApi30, and misses nothing. */
class OpenApiContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DOCUMENT =
      """
      {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
       "paths": {"/x": {"get": {"responses": {"200": {"description": "ok",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S",
           "description": "a sibling of $ref, allowed in 3.1"}}}}}}}},
       "components": {"schemas": {"S": {"type": "object", "required": ["n"], "properties": {
         "n": {"type": ["number", "null"], "examples": [1.5]},
         "d": {"type": "string", "format": "date"},
         "e": {"type": "string", "enum": ["X", "Y"]},
         "l": {"type": "array", "items": {"type": "string"}},
         "p": {"type": "integer", "exclusiveMinimum": 0}}}}}}
      """;

  @Test
  void nullableNumbersAcceptNullAndNumbersOnly() {
    assertThat(errors("{\"n\": null}")).isEmpty();
    assertThat(errors("{\"n\": 2.5}")).isEmpty();
    assertThat(errors("{\"n\": \"s\"}")).contains("/n");
    assertThat(errors("{}")).contains("missing required properties");
  }

  @Test
  void typesFormatsEnumsAndBoundsAreChecked() {
    assertThat(errors("{\"n\": 1, \"d\": \"2026-13-01\"}")).contains("/d");
    assertThat(errors("{\"n\": 1, \"e\": \"Z\"}")).contains("enum");
    assertThat(errors("{\"n\": 1, \"l\": \"not a list\"}")).contains("/l");
    assertThat(errors("{\"n\": 1, \"p\": 0}")).contains("/p");
    assertThat(errors("{\"n\": 1, \"p\": 1, \"extra\": true}")).contains("extra");
  }

  @Test
  void aThreeOneConstructWithoutThreeZeroFormFailsLoudly() throws Exception {
    JsonNode document =
        JSON.readTree(
            DOCUMENT.replace(
                "\"d\": {\"type\": \"string\", \"format\": \"date\"}",
                "\"d\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]}"));
    assertThatThrownBy(() -> OpenApi30.of(document))
        .hasMessageContaining("anyOf with a null option");
  }

  @Test
  void anEmptyOptionalQueryValueIsJudgedAsAbsentAndAnEmptyRequiredOneAsMissing() throws Exception {
    String param = "{\"name\": \"limit\", \"in\": \"query\", \"schema\": {\"type\": \"integer\"}";
    String optional =
        DOCUMENT.replace(
            "{\"get\": {",
            "{\"get\": {\"parameters\": [" + param + ", \"allowEmptyValue\": true}], ");
    String required =
        DOCUMENT.replace(
            "{\"get\": {", "{\"get\": {\"parameters\": [" + param + ", \"required\": true}], ");
    Request empty = SimpleRequest.Builder.get("/x").withQueryParam("limit", "").build();
    Request asRead = OpenApiContract.withoutEmptyQueryValues(empty);
    assertThat(
            OpenApiContract.validator(JSON.readTree(optional))
                .validateRequest(asRead)
                .getMessages())
        .isEmpty();
    assertThat(
            OpenApiContract.validator(JSON.readTree(required)).validateRequest(asRead).hasErrors())
        .isTrue();
    Request bad = SimpleRequest.Builder.get("/x").withQueryParam("limit", "x").build();
    assertThat(
            OpenApiContract.validator(JSON.readTree(optional))
                .validateRequest(OpenApiContract.withoutEmptyQueryValues(bad))
                .hasErrors())
        .isTrue();
  }

  private static String errors(String body) {
    try {
      OpenApiInteractionValidator validator = OpenApiContract.validator(JSON.readTree(DOCUMENT));
      return validator
          .validateResponse(
              "/x",
              Request.Method.GET,
              SimpleResponse.Builder.ok()
                  .withContentType("application/json")
                  .withBody(body)
                  .build())
          .getMessages()
          .stream()
          .map(Object::toString)
          .reduce("", String::concat);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
