package org.receivables.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

/**
 * Generated clients type a field as optional unless the document lists it as {@code required}, and
 * as non-null unless it is declared nullable. SmallRye marks neither from a record, so before this
 * both were declared field by field and a forgotten one was a lie. Now every field of a record sent
 * in a response is {@code required} unless it is left out when null ({@link RecordFields}), and
 * nullable exactly where the record says {@code @Schema(nullable = true)}. Schemas also received in
 * requests keep their own {@code required}: there it means "the client must send it".
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 20)
public class ResponseFields implements OASFilter {

  private final IndexView index;

  public ResponseFields(IndexView index) {
    this.index = index;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Set<String> received = SchemaGraph.inRequests(openAPI);
    Map<String, ClassInfo> records = RecordFields.bySchemaName(index);
    for (String name : SchemaGraph.inResponses(openAPI)) {
      Schema schema = schemas.get(name);
      ClassInfo record = records.get(name);
      if (schema == null || record == null || received.contains(name)) {
        continue;
      }
      markRequired(schema, RecordFields.of(record));
    }
  }

  static void markRequired(Schema schema, List<RecordFields.Field> fields) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required =
        schema.getRequired() == null ? new ArrayList<>() : new ArrayList<>(schema.getRequired());
    for (RecordFields.Field field : fields) {
      if (field.alwaysWritten()
          && schema.getProperties().containsKey(field.name())
          && !required.contains(field.name())) {
        required.add(field.name());
      }
    }
    schema.setRequired(required);
  }
}
