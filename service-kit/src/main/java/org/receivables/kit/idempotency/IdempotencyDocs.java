package org.receivables.kit.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Documents the {@code Idempotency-Key} contract on every {@link Idempotent} operation, so the
 * resource needs neither a header parameter nor the 409/422 annotations: the optional header, 409
 * (a request with the key is still running), 422 (the key was used for another request) and the
 * {@code Idempotent-Replayed} header of a replayed answer. Answers the resource documents itself
 * are kept (they may name more causes). It runs before {@code ProblemResponses}, which then gives
 * the added errors their problem+json content.
 *
 * <p>The operations are found in the build's index (Quarkus hands it to build-time filters) by
 * their JAX-RS path and HTTP method.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class IdempotencyDocs implements OASFilter {

  static final String HEADER_DESCRIPTION =
      "Optional. A unique key per logical request (a UUID; 1 to "
          + IdempotencyKey.MAX_LENGTH
          + " printable ASCII characters): a retry with the same key and body returns the first"
          + " answer (header Idempotent-Replayed: true) instead of acting twice; kept 24 hours per"
          + " tenant.";
  static final String IN_PROGRESS =
      "A request with the same Idempotency-Key is still being processed (or the operation"
          + " conflicts with the resource's state)";
  static final String REUSED =
      "The Idempotency-Key was already used for a different request (or the request is not"
          + " possible in the resource's current state)";
  static final String REPLAYED =
      "true when this is the stored answer to an earlier request with the same Idempotency-Key";

  private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class);
  private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
  private static final List<String> HTTP_METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private final Set<String> operations;

  public IdempotencyDocs(IndexView index) {
    this.operations = keyedOperations(index);
  }

  /** "POST /api/v1/invoices" for each {@link Idempotent} method in the index. */
  static Set<String> keyedOperations(IndexView index) {
    Set<String> found = new HashSet<>();
    for (AnnotationInstance annotation : index.getAnnotations(IDEMPOTENT)) {
      if (annotation.target().kind() != AnnotationTarget.Kind.METHOD) {
        continue;
      }
      MethodInfo method = annotation.target().asMethod();
      String http = httpMethod(method);
      if (http != null) {
        AnnotationInstance classPath = method.declaringClass().declaredAnnotation(PATH);
        AnnotationInstance methodPath = method.annotation(PATH);
        found.add(
            http
                + " "
                + path(
                    classPath == null ? "" : classPath.value().asString(),
                    methodPath == null ? "" : methodPath.value().asString()));
      }
    }
    return found;
  }

  /** The OpenAPI form of a JAX-RS path: one leading slash, no regular expressions in templates. */
  static String path(String classPath, String methodPath) {
    String joined =
        ("/" + classPath + "/" + methodPath).replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
    joined = joined.replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  private static String httpMethod(MethodInfo method) {
    for (String http : HTTP_METHODS) {
      if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
        return http;
      }
    }
    return null;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> item : openAPI.getPaths().getPathItems().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          item.getValue().getOperations().entrySet()) {
        if (operations.contains(
            op.getKey().name().toUpperCase(Locale.ROOT) + " " + item.getKey())) {
          document(op.getValue());
        }
      }
    }
  }

  static void document(Operation operation) {
    boolean declared =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(
                    p ->
                        p.getIn() == Parameter.In.HEADER
                            && IdempotencyKey.HEADER.equalsIgnoreCase(p.getName()));
    if (!declared) {
      operation.addParameter(
          OASFactory.createParameter()
              .name(IdempotencyKey.HEADER)
              .in(Parameter.In.HEADER)
              .required(false)
              .description(HEADER_DESCRIPTION)
              .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    addOrMention(
        responses,
        "409",
        IN_PROGRESS,
        "or a request with the same Idempotency-Key is still being processed");
    addOrMention(
        responses,
        "422",
        REUSED,
        "or the Idempotency-Key was already used for a different request");
    for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
      APIResponse response = answer.getValue();
      if (answer.getKey().startsWith("2") && response.getRef() == null) {
        if (response.getHeaders() == null
            || !response.getHeaders().containsKey(StoredResponse.REPLAYED_HEADER)) {
          response.addHeader(
              StoredResponse.REPLAYED_HEADER,
              OASFactory.createHeader()
                  .description(REPLAYED)
                  .schema(OASFactory.createSchema().addType(SchemaType.BOOLEAN)));
        }
      }
    }
  }

  /**
   * Adds the answer, or appends the key's cause to the one the resource documents for its own
   * reasons, so that no resource repeats the idempotency wording.
   */
  private static void addOrMention(
      APIResponses responses, String code, String description, String cause) {
    APIResponse own = responses.getAPIResponse(code);
    if (own != null
        && own.getRef() == null
        && own.getDescription() != null
        && !own.getDescription().contains(IdempotencyKey.HEADER)) {
      own.setDescription(own.getDescription() + "; " + cause);
      return;
    }
    addAbsent(responses, code, description);
  }

  private static void addAbsent(APIResponses responses, String code, String description) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(
          code, OASFactory.createAPIResponse().description(description + " (problem+json)"));
    }
  }
}
