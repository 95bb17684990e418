package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyTextTest {

  record Line(String description) {}

  record Request(String name, List<Line> lines, List<String> tags) {}

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    new BodyText().customize(m);
    return m;
  }

  @Test
  void aNulInANestedStringIsRefusedWithItsPath() {
    assertThatThrownBy(
            () ->
                mapper.readValue(
                    "{\"name\":\"ok\",\"lines\":[{\"description\":\"a\\u0000b\"}]}", Request.class))
        .isInstanceOfSatisfying(
            InvalidFormatException.class,
            e -> {
              assertThat(e.getOriginalMessage()).isEqualTo(InputRules.CONTROL);
              assertThat(e.getTargetType()).isEqualTo(String.class);
              assertThat(e.getPath()).hasSize(3);
              assertThat(e.getPath().get(2).getFieldName()).isEqualTo("description");
            });
  }

  @Test
  void controlsInListsOfStringsAreRefusedToo() {
    assertThatThrownBy(() -> mapper.readValue("{\"tags\":[\"x\\u001b\"]}", Request.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void lineBreaksTabsAndAccentsAreText() throws Exception {
    Request r =
        mapper.readValue("{\"name\":\"Société\\r\\n\\tGénérale\",\"tags\":[\"a\"]}", Request.class);
    assertThat(r.name()).isEqualTo("Société\r\n\tGénérale");
    assertThat(r.tags()).containsExactly("a");
  }
}
