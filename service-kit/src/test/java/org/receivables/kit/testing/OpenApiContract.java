package org.receivables.kit.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Front ends generate typed clients from the published OpenAPI document, so a response that breaks
 * it is a bug even when the test's own assertions pass. Installed as a global REST Assured filter,
 * this checks every exchange of a test against the document the running app serves ({@code
 * /q/openapi} of a service, the gateway's merged one in the system tests) with Atlassian's
 * swagger-request-validator, and fails the test on any violation: undocumented status code, content
 * type or response body that breaks its schema.
 *
 * <p>Requests are checked too, with one rule for tests that send bad input on purpose: a request
 * the document rejects must be answered with a 4xx (whose body is then checked against that
 * documented error response like any other). A request the document rejects but the app accepts
 * (2xx) fails, as the document and the app disagree about what is valid.
 *
 * <p>An operation that answers out-of-schema parts of a request in-band (a {@code PER_ITEM} batch
 * reports each rejected item in its 200) is called inside {@link #inBandRejections}: its response
 * is still checked, its request is not held against the 2xx.
 *
 * <p>Outside the document, hence not checked: the management endpoints under {@code /q/} (health,
 * metrics, the document itself) and the services' test-only resources under {@code /test/} (the
 * kit's {@link TenantIsolationProbe}, request-id and statement-timeout probes), hidden from the
 * document on purpose. A call to any other path the document does not know must be answered 404 or
 * 405 with {@code application/problem+json}.
 */
public final class OpenApiContract implements OrderedFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the services' test-only resources live (the kit's probe among them). */
  private static final String TEST_ONLY_PATHS = "/test/";

  private static final List<String> OUTSIDE_DOCUMENT = List.of("/q/", TEST_ONLY_PATHS);

  private static final ThreadLocal<Boolean> IN_BAND_REJECTIONS =
      ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code calls} to an operation that rejects out-of-schema request parts in-band, with a 2xx
   * that reports each one: the responses are checked, the requests are not held against it.
   */
  public static void inBandRejections(Runnable calls) {
    IN_BAND_REJECTIONS.set(true);
    try {
      calls.run();
    } finally {
      IN_BAND_REJECTIONS.remove();
    }
  }

  /** Validators by origin ({@code http://host:port}), each for the document served there. */
  private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

  private OpenApiContract() {}

  /**
   * A filter that checks each call against the document served by the app it calls, read once per
   * app from its {@code /q/openapi} at the first call.
   */
  public static OpenApiContract servedByEachApp() {
    return new OpenApiContract();
  }

  /**
   * Installs {@link #servedByEachApp()} for every REST Assured call of this JVM, once: a
   * {@code @QuarkusTest} checks against its own app's document.
   */
  public static synchronized void installForEveryCall() {
    if (RestAssured.filters().stream().noneMatch(OpenApiContract.class::isInstance)) {
      RestAssured.filters(servedByEachApp());
    }
  }

  static OpenApiInteractionValidator validator(JsonNode document) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(
            OpenApi30.of(document).toString())
        .build();
  }

  private OpenApiInteractionValidator validatorFor(URI uri) {
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    return validators.computeIfAbsent(
        origin, o -> validator(completeDocument(o + "/q/openapi?format=json")));
  }

  /** Last of the filters, so it sees the request as sent and the response as received. */
  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification requestSpec,
      FilterableResponseSpecification responseSpec,
      FilterContext ctx) {
    Response response = ctx.next(requestSpec, responseSpec);
    URI uri = URI.create(requestSpec.getURI());
    String path = uri.getRawPath();
    if (OUTSIDE_DOCUMENT.stream().anyMatch(path::startsWith)) {
      return response;
    }
    List<String> violations =
        violations(
            validatorFor(uri),
            withoutEmptyQueryValues(RestAssuredRequest.of(requestSpec)),
            path,
            response.getStatusCode(),
            response);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          String.format(
              "%s %s → %d breaks the OpenAPI document:%n  %s%nresponse body: %s",
              requestSpec.getMethod(),
              requestSpec.getURI(),
              response.getStatusCode(),
              String.join("\n  ", violations),
              abbreviate(response.asString())));
    }
    return response;
  }

  private static List<String> violations(
      OpenApiInteractionValidator validator,
      Request request,
      String path,
      int status,
      Response response) {
    ValidationReport requestReport = validator.validateRequest(request);
    boolean unknownPath =
        requestReport.getMessages().stream()
            .anyMatch(m -> m.getKey().startsWith("validation.request.path.missing"));
    if (unknownPath) {
      String type = String.valueOf(response.getContentType());
      return (status == 404 || status == 405) && type.startsWith("application/problem+json")
          ? List.of()
          : List.of("path not in the document, and not answered 404/405 problem+json");
    }
    if (status == 400 && response.getContentType().isEmpty() && response.asString().isEmpty()) {
      // The one refusal outside the document: a request the HTTP layer (Vert.x, Netty) cannot
      // parse at all, e.g. a control character in a header value, gets a bare 400 before any
      // application code runs, in the gateway as in the services (docs/security.md).
      return List.of();
    }
    ValidationReport responseReport =
        validator.validateResponse(path, request.getMethod(), RestAssuredResponse.of(response));
    List<String> violations = errors(responseReport);
    boolean refused = status >= 400 && status < 500;
    if (!refused && !IN_BAND_REJECTIONS.get()) {
      violations.addAll(errors(requestReport).stream().map(m -> "request: " + m).toList());
    }
    return violations;
  }

  /**
   * The request as the document reads it: every optional query parameter is documented with {@code
   * allowEmptyValue} (the kit's EmptyQueryValues, as the input rule reads {@code ?limit=} as not
   * given), but the validator reports an empty value as a missing one whatever the document says.
   * Dropping empty values makes it judge them as absent: a required parameter sent empty is still
   * reported missing.
   */
  static Request withoutEmptyQueryValues(Request request) {
    return (Request)
        java.lang.reflect.Proxy.newProxyInstance(
            Request.class.getClassLoader(),
            new Class<?>[] {Request.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(request, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
              return switch (method.getName()) {
                case "getQueryParameterValues" -> nonEmpty(result);
                case "getQueryParameters" ->
                    ((java.util.Collection<?>) result)
                        .stream()
                            .filter(
                                name ->
                                    !nonEmpty(request.getQueryParameterValues((String) name))
                                        .isEmpty())
                            .collect(Collectors.toList());
                default -> result;
              };
            });
  }

  private static java.util.Collection<String> nonEmpty(Object values) {
    @SuppressWarnings("unchecked")
    java.util.Collection<String> all = (java.util.Collection<String>) values;
    return all.stream().filter(v -> v != null && !v.isEmpty()).collect(Collectors.toList());
  }

  private static List<String> errors(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(
            m ->
                "["
                    + m.getKey()
                    + "] "
                    + m.getMessage()
                    + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
        .collect(Collectors.toCollection(java.util.ArrayList::new));
  }

  /**
   * The gateway merges the services' documents and marks the ones it could not fetch ({@code
   * x-unavailable}); a test that just restarted a service waits (bounded) for the whole document.
   */
  private static JsonNode completeDocument(String url) {
    return Awaitility.await(url + " holds every service's document")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> fetch(url), document -> !document.has("x-unavailable"));
  }

  private static JsonNode fetch(String url) {
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Accept", "application/json")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the OpenAPI document at " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String body) {
    return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
  }
}
