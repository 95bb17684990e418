package org.receivables.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.receivables.events.webhook.Payloads;
import org.receivables.events.webhook.PublicTypes;

/**
 * docs/webhooks.md is the integrators' schema of every type: each type has its section, and the
 * section's field list names exactly the fields the payload record sends, in order.
 */
class WebhookDocsTest {

  private static final Pattern FIELD = Pattern.compile("`([A-Za-z]+)`");

  @Test
  void theDocumentListsEveryTypeWithExactlyTheFieldsSent() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "webhooks.md"));
    assertThat(Payloads.BY_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(PublicTypes.ALL);
    for (String type : PublicTypes.ALL) {
      int heading = lines.indexOf("### " + type);
      assertThat(heading).as("section ### " + type).isNotNegative();
      String fields =
          lines.subList(heading + 1, lines.size()).stream()
              .filter(l -> l.startsWith("Fields: "))
              .findFirst()
              .orElseThrow();
      Matcher m = FIELD.matcher(fields);
      List<String> documented = new java.util.ArrayList<>();
      while (m.find()) {
        documented.add(m.group(1));
      }
      List<String> sent =
          Arrays.stream(Payloads.BY_TYPE.get(type).getRecordComponents())
              .map(c -> c.getName())
              .toList();
      assertThat(documented).as(type).containsExactlyElementsOf(sent);
    }
  }
}
