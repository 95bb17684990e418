package org.receivables.kit.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every error of every service is a {@link Problem}, so the document says so once for all: each
 * 4xx/5xx response of each operation is {@code application/problem+json} with the {@code Problem}
 * schema, and the errors the kit produces for any operation (a malformed parameter or body, no or a
 * bad token, a role that may not, a body of another media type) are documented on every operation
 * they can happen to. Generated clients then know the error shape, and the API tests' validator
 * (the kit's OpenApiContract) checks it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

  static final String SCHEMA = "Problem";
  static final String REF = "#/components/schemas/" + SCHEMA;

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    // Replaces the one generated from the Problem record: this one says which fields are required.
    components.addSchema(SCHEMA, problemSchema());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
        document(entry.getValue(), item);
      }
    }
  }

  private static void document(Operation operation, PathItem item) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    boolean hasParameters =
        (operation.getParameters() != null && !operation.getParameters().isEmpty())
            || (item.getParameters() != null && !item.getParameters().isEmpty());
    boolean hasBody = operation.getRequestBody() != null;
    if (hasParameters || hasBody) {
      addAbsent(responses, "400", "Invalid parameter or body; errors name each field");
    }
    // Every API operation needs a token of the tenant, with a role of the suite.
    addAbsent(responses, "401", "No valid access token");
    addAbsent(responses, "403", "The caller's role may not do this");
    if (hasBody) {
      addAbsent(responses, "413", "The body is larger than the gateway accepts");
      addAbsent(responses, "415", "The body is not of a media type the operation accepts");
    }
    if (hasPathParameter(operation, item)) {
      addAbsent(responses, "404", "No such resource in the caller's tenant");
    }
    addAbsent(responses, "406", "None of the media types in Accept can be produced");
    // Answered by the gateway in front of every service, before the operation is reached.
    addAbsent(responses, "414", "The URI is longer than the gateway accepts");
    addAbsent(responses, "429", "Too many requests for the caller's key; see Retry-After");
    addAbsent(responses, "431", "Request headers larger than the gateway accepts");
    addAbsent(responses, "503", "The service is unavailable or overloaded; retry later");
    for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
      String code = response.getKey();
      if ((code.startsWith("4") || code.startsWith("5")) && response.getValue().getRef() == null) {
        APIResponse answer = response.getValue();
        if (answer.getContent() == null || answer.getContent().getMediaTypes().isEmpty()) {
          answer.setContent(problemContent());
        }
      }
    }
  }

  private static boolean hasPathParameter(Operation operation, PathItem item) {
    return java.util.stream.Stream.of(operation.getParameters(), item.getParameters())
        .filter(java.util.Objects::nonNull)
        .flatMap(List::stream)
        .anyMatch(
            p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH);
  }

  private static void addAbsent(APIResponses responses, String code, String description) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(
          code, OASFactory.createAPIResponse().description(description + " (problem+json)"));
    }
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
  }

  private static Schema problemSchema() {
    Schema fieldError =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .addProperty(
                "field",
                string("JSON path of the rejected field or parameter, e.g. lines[0].quantity"))
            .addProperty("message", string("What is wrong with it"))
            .required(List.of("field", "message"));
    return OASFactory.createSchema()
        .addType(SchemaType.OBJECT)
        .description("An RFC 9457 problem: the error format of every service and of the gateway")
        .addProperty("type", string("URI of the problem type"))
        .addProperty("title", string("Short summary of the problem type"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status code"))
        .addProperty("detail", string("What went wrong with this request"))
        .addProperty("instance", string("The path of the request"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(SchemaType.ARRAY)
                .description("Field-level errors, present only for validation problems")
                .items(fieldError))
        .required(List.of("type", "title", "status"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }
}
