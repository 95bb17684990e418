package org.receivables.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

/** How {@link Idempotent} reads a resource method, and how its operations are documented. */
class IdempotentResourceTest {

  record Body(String name) {}

  @Path("/api/v1/things/")
  static class Things {
    @POST
    @Idempotent
    public Response create(@NotNull @Valid Body body, @Context UriInfo uri) {
      return Response.status(201).build();
    }

    @POST
    @Path("{id: [0-9a-f-]+}/closure")
    @Idempotent
    public Response close(
        @PathParam("id") String id, @HeaderParam("If-Match") String etag, Body body) {
      return Response.ok().build();
    }

    @POST
    @Path("/{id}/recount")
    @Idempotent
    public Response recount(@PathParam("id") String id) {
      return Response.ok().build();
    }

    @POST
    @Path("upload")
    @Idempotent
    public Response upload(java.io.InputStream xml) {
      return Response.ok().build();
    }

    @GET
    public Response list() {
      return Response.ok().build();
    }

    @POST
    @Path("wrong")
    @Idempotent
    public String wrong(Body body) {
      return "";
    }
  }

  private static Method method(String name) {
    for (Method m : Things.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void theBodyIsTheParameterWithoutAJaxRsAnnotation() {
    assertThat(ResourceMethods.bodyIndex(method("create"))).isZero();
    assertThat(ResourceMethods.bodyIndex(method("close"))).isEqualTo(2);
    assertThat(ResourceMethods.bodyIndex(method("recount"))).isEqualTo(-1);
    assertThat(ResourceMethods.httpMethod(method("create"))).isEqualTo("POST");
    assertThat(ResourceMethods.httpMethod(method("list"))).isEqualTo("GET");
  }

  @Test
  void aKeyedMethodMustReturnAResponseAndCarryTheAnnotationItself() {
    ResourceMethods.checkShape(method("create"));
    assertThatThrownBy(() -> ResourceMethods.checkShape(method("wrong")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not Response");
    assertThatThrownBy(() -> ResourceMethods.checkShape(method("upload")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream");
    // reached through a class-level binding: the method itself is not annotated
    assertThatThrownBy(() -> ResourceMethods.checkShape(method("list")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("on its creating methods");
  }

  @Test
  void openApiPathsAreTheJaxRsPathsWithoutRegularExpressions() {
    assertThat(IdempotencyDocs.path("/api/v1/things/", "")).isEqualTo("/api/v1/things");
    assertThat(IdempotencyDocs.path("api/v1/things", "{id: [0-9]+}/closure"))
        .isEqualTo("/api/v1/things/{id}/closure");
    assertThat(IdempotencyDocs.path("/", "")).isEqualTo("/");
  }

  @Test
  void theIndexNamesEveryKeyedOperation() throws IOException {
    assertThat(IdempotencyDocs.keyedOperations(Index.of(Things.class)))
        .containsExactlyInAnyOrder(
            "POST /api/v1/things",
            "POST /api/v1/things/{id}/closure",
            "POST /api/v1/things/{id}/recount",
            "POST /api/v1/things/wrong",
            "POST /api/v1/things/upload");
  }

  @Test
  void keyedOperationsGetTheHeaderAnd409And422AndOthersAreLeftAlone() throws IOException {
    Operation create =
        OASFactory.createOperation()
            .responses(
                OASFactory.createAPIResponses()
                    .addAPIResponse("201", OASFactory.createAPIResponse().description("Created"))
                    .addAPIResponse(
                        "409", OASFactory.createAPIResponse().description("Number already used")));
    Operation list =
        OASFactory.createOperation()
            .responses(
                OASFactory.createAPIResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().description("A page")));
    OpenAPI openApi =
        OASFactory.createOpenAPI()
            .paths(
                OASFactory.createPaths()
                    .addPathItem(
                        "/api/v1/things", OASFactory.createPathItem().POST(create).GET(list)));

    new IdempotencyDocs(Index.of(Things.class)).filterOpenAPI(openApi);

    assertThat(create.getParameters())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("Idempotency-Key");
              assertThat(p.getIn()).isEqualTo(Parameter.In.HEADER);
              assertThat(p.getRequired()).isFalse();
            });
    Map<String, ?> answers = create.getResponses().getAPIResponses();
    assertThat(answers).containsKeys("201", "409", "422");
    // the resource's own description is kept, and the key's cause added to it
    assertThat(create.getResponses().getAPIResponse("409").getDescription())
        .startsWith("Number already used; or ")
        .contains("Idempotency-Key is still being processed");
    assertThat(create.getResponses().getAPIResponse("422").getDescription())
        .contains("Idempotency-Key");
    assertThat(create.getResponses().getAPIResponse("201").getHeaders())
        .containsKey("Idempotent-Replayed");
    assertThat(list.getParameters()).isNullOrEmpty();
    assertThat(list.getResponses().getAPIResponses()).containsOnlyKeys("200");
  }

  @Test
  void aHeaderTheResourceStillDeclaresIsNotAddedTwice() {
    Operation op =
        OASFactory.createOperation()
            .parameters(
                List.of(
                    OASFactory.createParameter()
                        .name("Idempotency-Key")
                        .in(Parameter.In.HEADER)
                        .description("theirs")));
    IdempotencyDocs.document(op);
    assertThat(op.getParameters())
        .singleElement()
        .extracting(Parameter::getDescription)
        .isEqualTo("theirs");
  }
}
