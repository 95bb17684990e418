package org.receivables.kit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void aPlainTokenIsKept() {
    String uuid = UUID.randomUUID().toString();
    assertThat(RequestIds.valid(uuid)).isEqualTo(uuid);
    assertThat(RequestIds.valid("erp.batch_42")).isEqualTo("erp.batch_42");
    assertThat(RequestIds.valid("erp:ticket-42")).isEqualTo("erp:ticket-42");
    assertThat(RequestIds.valid("x".repeat(RequestIds.MAX_LENGTH))).isNotNull();
    assertThat(RequestIds.keepOrCreate("erp-batch-42")).isEqualTo("erp-batch-42");
  }

  @Test
  void anythingThatCouldForgeALogLineIsRefused() {
    assertThat(RequestIds.valid(null)).isNull();
    assertThat(RequestIds.valid("")).isNull();
    assertThat(RequestIds.valid("abc\nERROR forged line")).isNull();
    assertThat(RequestIds.valid("a b")).isNull();
    assertThat(RequestIds.valid("forged\tline")).isNull();
    assertThat(RequestIds.valid("x".repeat(RequestIds.MAX_LENGTH + 1))).isNull();
  }

  @Test
  void aRefusedIdIsReplacedByAFreshOne() {
    String first = RequestIds.keepOrCreate("bad id\twith spaces");
    String second = RequestIds.keepOrCreate(null);
    assertThat(UUID.fromString(first)).isNotNull();
    assertThat(second).isNotEqualTo(first);
    assertThat(RequestIds.valid(first)).isEqualTo(first);
  }
}
