package org.receivables.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  record Body(Boolean dryRun, Integer days, BigDecimal amount, String reference, LocalDate asOf) {}

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper().findAndRegisterModules();
    new StrictJson().customize(m);
    return m;
  }

  @Test
  void readsEachScalarFromItsOwnJsonType() throws Exception {
    Body b =
        mapper.readValue(
            "{\"dryRun\":true,\"days\":30,\"amount\":12.50,\"reference\":\"R\",\"asOf\":\"2026-12-31\"}",
            Body.class);
    assertThat(b.dryRun()).isTrue();
    assertThat(b.days()).isEqualTo(30);
    assertThat(b.amount()).isEqualByComparingTo("12.50");
    assertThat(b.asOf()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void refusesAScalarOfAnotherJsonType() {
    for (String json :
        new String[] {
          "{\"dryRun\":\"true\"}",
          "{\"dryRun\":1}",
          "{\"dryRun\":\"\"}",
          "{\"dryRun\":\" \"}",
          "{\"days\":\"\"}",
          "{\"amount\":\"\"}",
          "{\"amount\":\" \"}",
          "{\"days\":\"30\"}",
          "{\"days\":30.5}",
          "{\"amount\":\"12.50\"}",
          "{\"reference\":12}",
          "{\"reference\":true}"
        }) {
      assertThatThrownBy(() -> mapper.readValue(json, Body.class))
          .as(json)
          .isInstanceOf(MismatchedInputException.class);
    }
  }
}
