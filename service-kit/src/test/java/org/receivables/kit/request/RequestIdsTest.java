package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void aPlainTokenIsKept() {
    assertThat(RequestIds.valid("3f1c9a2e-7b7d-4e55-9d61-0c8f0e4b2a11")).isNotNull();
    assertThat(RequestIds.valid("erp.batch_42")).isEqualTo("erp.batch_42");
  }

  @Test
  void anythingThatCouldForgeALogLineIsIgnored() {
    assertThat(RequestIds.valid(null)).isNull();
    assertThat(RequestIds.valid("")).isNull();
    assertThat(RequestIds.valid("abc\nERROR forged line")).isNull();
    assertThat(RequestIds.valid("a b")).isNull();
    assertThat(RequestIds.valid("x".repeat(65))).isNull();
  }
}
