package org.receivables.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Ids of the suite's own customers and invoices are UUIDs (API.md), whether a record holds them as
 * {@link java.util.UUID} or, as dunning's do, as text: a client generated from the document should
 * know both the same way. A string field named after one of them, or a list of them, gets {@code
 * format: uuid}. Identifiers given by others ({@code externalRef}, {@code legalId}, invoice {@code
 * number}, bank references) are free text and named otherwise.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SuiteIds implements OASFilter {

  /** Field names whose values are ids the suite itself gave: always UUIDs. */
  public static final Set<String> UUID_FIELDS =
      Set.of("customerId", "invoiceId", "invoiceIds", "promiseId", "planId", "paymentId");

  @Override
  public Schema filterSchema(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return schema;
    }
    properties.forEach(
        (name, property) -> {
          if (UUID_FIELDS.contains(name)) {
            Schema text = isArray(property) ? property.getItems() : property;
            if (text != null && isString(text) && text.getFormat() == null) {
              text.setFormat("uuid");
            }
          }
        });
    return schema;
  }

  private static boolean isArray(Schema schema) {
    return types(schema).contains(SchemaType.ARRAY);
  }

  private static boolean isString(Schema schema) {
    return types(schema).contains(SchemaType.STRING) && schema.getRef() == null;
  }

  private static List<SchemaType> types(Schema schema) {
    return schema.getType() == null ? List.of() : schema.getType();
  }
}
