package org.receivables.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

class ResponseFieldsTest {

  record Answer(
      String id,
      int count,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) BigDecimal dso,
      @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
      @JsonProperty("total") BigDecimal sum,
      @JsonIgnore String internal,
      Integer maybe) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Sparse(String note, long size) {}

  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Order")
  record Both(String note) {}

  private static Index index() throws IOException {
    return Index.of(Answer.class, Sparse.class, Both.class);
  }

  @Test
  void readsWhatEachComponentPromises() throws IOException {
    List<RecordFields.Field> fields =
        RecordFields.of(index().getClassByName(Answer.class.getName()));

    assertThat(fields)
        .extracting(RecordFields.Field::name)
        .containsExactlyInAnyOrder("id", "count", "dso", "segment", "total", "maybe");
    assertThat(fields)
        .filteredOn(RecordFields.Field::alwaysWritten)
        .extracting(RecordFields.Field::name)
        .containsExactlyInAnyOrder("id", "count", "dso", "total", "maybe");
    assertThat(fields)
        .filteredOn(RecordFields.Field::declaredNullable)
        .extracting(RecordFields.Field::name)
        .containsExactlyInAnyOrder("dso");
    assertThat(fields)
        .filteredOn(RecordFields.Field::boxed)
        .extracting(RecordFields.Field::name)
        .containsExactlyInAnyOrder("maybe");
  }

  @Test
  void aRecordLeavingOutNullsRequiresOnlyItsPrimitives() throws IOException {
    assertThat(RecordFields.of(index().getClassByName(Sparse.class.getName())))
        .filteredOn(RecordFields.Field::alwaysWritten)
        .extracting(RecordFields.Field::name)
        .containsExactlyInAnyOrder("size");
  }

  @Test
  void namesRecordsLikeTheirSchemas() throws IOException {
    assertThat(RecordFields.bySchemaName(index())).containsOnlyKeys("Answer", "Sparse", "Order");
  }

  @Test
  void marksFieldsOfResponseOnlySchemasRequired() throws IOException {
    OpenAPI openAPI = document();

    new ResponseFields(index()).filterOpenAPI(openAPI);

    assertThat(openAPI.getComponents().getSchemas().get("Answer").getRequired())
        .containsExactlyInAnyOrder("id", "count", "dso", "total", "maybe");
    assertThat(openAPI.getComponents().getSchemas().get("Sparse").getRequired())
        .containsExactlyInAnyOrder("size");
    // also a request body: required there means "must be sent", so it is left alone
    assertThat(openAPI.getComponents().getSchemas().get("Order").getRequired()).isNull();
  }

  @Test
  void givesSuiteIdsTheUuidFormat() {
    Schema schema =
        object()
            .addProperty("customerId", text())
            .addProperty(
                "invoiceIds", OASFactory.createSchema().addType(SchemaType.ARRAY).items(text()))
            .addProperty("externalRef", text());

    new SuiteIds().filterSchema(schema);

    assertThat(schema.getProperties().get("customerId").getFormat()).isEqualTo("uuid");
    assertThat(schema.getProperties().get("invoiceIds").getItems().getFormat()).isEqualTo("uuid");
    assertThat(schema.getProperties().get("externalRef").getFormat()).isNull();
  }

  private static OpenAPI document() {
    Schema answer =
        object()
            .addProperty("id", text())
            .addProperty("count", OASFactory.createSchema().addType(SchemaType.INTEGER))
            .addProperty("dso", OASFactory.createSchema().addType(SchemaType.NUMBER))
            .addProperty("segment", text())
            .addProperty("total", OASFactory.createSchema().addType(SchemaType.NUMBER))
            .addProperty("maybe", OASFactory.createSchema().addType(SchemaType.INTEGER))
            .addProperty("sparse", ref("Sparse"));
    Schema sparse =
        object()
            .addProperty("note", text())
            .addProperty("size", OASFactory.createSchema().addType(SchemaType.INTEGER));
    Schema order = object().addProperty("note", text());
    return OASFactory.createOpenAPI()
        .components(
            OASFactory.createComponents()
                .addSchema("Answer", answer)
                .addSchema("Sparse", sparse)
                .addSchema("Order", order))
        .paths(
            OASFactory.createPaths()
                .addPathItem(
                    "/answers",
                    OASFactory.createPathItem()
                        .GET(operation(null, ref("Answer")))
                        .POST(operation(ref("Order"), ref("Order")))));
  }

  private static org.eclipse.microprofile.openapi.models.Operation operation(
      Schema body, Schema answer) {
    var operation =
        OASFactory.createOperation()
            .responses(
                OASFactory.createAPIResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().content(json(answer))));
    return body == null
        ? operation
        : operation.requestBody(OASFactory.createRequestBody().content(json(body)));
  }

  private static org.eclipse.microprofile.openapi.models.media.Content json(Schema schema) {
    return OASFactory.createContent()
        .addMediaType("application/json", OASFactory.createMediaType().schema(schema));
  }

  private static Schema object() {
    return OASFactory.createSchema().addType(SchemaType.OBJECT);
  }

  private static Schema text() {
    return OASFactory.createSchema().addType(SchemaType.STRING);
  }

  private static Schema ref(String name) {
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }
}
