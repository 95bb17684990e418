package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.InvalidParameterException;

class TypedParamsTest {

  @SuppressWarnings("unused")
  void resource(@PathParam("customerId") UUID customerId, @QueryParam("limit") Integer limit) {}

  private static Annotation[] annotationsOf(int parameter) throws Exception {
    return TypedParamsTest.class.getDeclaredMethod("resource", UUID.class, Integer.class)
        .getParameterAnnotations()[parameter];
  }

  @Test
  void aUuidParameterTakesOnlyACanonicalUuidAndNamesItselfWhenRefused() throws Exception {
    ParamConverter<UUID> c =
        new TypedParams().getConverter(UUID.class, UUID.class, annotationsOf(0));
    UUID id = UUID.randomUUID();
    assertThat(c.fromString(id.toString())).isEqualTo(id);
    assertThat(c.fromString(id.toString().toUpperCase())).isEqualTo(id);
    for (String bad : new String[] {"not-a-uuid", "1-1-1-1-1", "x".repeat(5000), "..", id + "0"}) {
      assertThatThrownBy(() -> c.fromString(bad))
          .isInstanceOfSatisfying(
              InvalidParameterException.class,
              e -> {
                assertThat(e.getResponse().getStatus()).isEqualTo(400);
                assertThat(e.toProblem().errors())
                    .singleElement()
                    .satisfies(f -> assertThat(f.field()).isEqualTo("customerId"));
              });
    }
  }

  @Test
  void aWholeNumberQueryParameterIsA400WhenNotOneAndAbsentWhenEmpty() throws Exception {
    ParamConverter<Integer> c =
        new TypedParams().getConverter(Integer.class, Integer.class, annotationsOf(1));
    assertThat(c.fromString("25")).isEqualTo(25);
    assertThat(c.fromString("")).isNull();
    assertThatThrownBy(() -> c.fromString("99999999999999999999"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("limit: must be a whole number");
  }

  @Test
  void otherTypesAreLeftToJaxRs() {
    assertThat(new TypedParams().getConverter(String.class, String.class, new Annotation[0]))
        .isNull();
  }
}
