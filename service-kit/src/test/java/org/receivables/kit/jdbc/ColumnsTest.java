package org.receivables.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one column conversion: driver types in, domain types out, nulls as the caller chose. */
class ColumnsTest {

  enum Kind {
    CASH
  }

  @Test
  void readsTheTypesDriversReturn() {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(Columns.as(Date.valueOf("2026-11-30"), LocalDate.class, "c"))
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(Columns.as(LocalDate.of(2026, 11, 30), LocalDate.class, "c"))
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(Columns.as(Timestamp.from(at), Instant.class, "c")).isEqualTo(at);
    assertThat(Columns.as(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2)), Instant.class, "c"))
        .isEqualTo(at);
    assertThat(Columns.as(new BigInteger("12"), Long.class, "c")).isEqualTo(12L);
    assertThat(Columns.as((short) 3, Integer.class, "c")).isEqualTo(3);
    assertThat(Columns.as(12.5d, BigDecimal.class, "c")).isEqualByComparingTo("12.5");
    assertThat(Columns.as(" 0.10", BigDecimal.class, "c")).isEqualTo(new BigDecimal("0.10"));
    assertThat(Columns.as("CASH ", Kind.class, "c")).isEqualTo(Kind.CASH);
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertThat(Columns.as(id.toString(), UUID.class, "c")).isEqualTo(id);
    assertThat(Columns.as('A', String.class, "c")).isEqualTo("A");
    assertThat(Columns.as("{\"a\":1}", String.class, "c")).isEqualTo("{\"a\":1}");
  }

  @Test
  void nullStaysNullForReferenceTypes() {
    assertThat(Columns.as(null, BigDecimal.class, "c")).isNull();
    assertThat(Columns.as(null, Integer.class, "c")).isNull();
  }

  @Test
  void aNullPrimitiveFailsOrIsZeroAsTheCallerChose() {
    assertThat(Columns.bool(null, Columns.Nulls.ZERO, "c")).isFalse();
    assertThat(Columns.integer(null, Columns.Nulls.ZERO, "c")).isZero();
    assertThat(Columns.number(null, Columns.Nulls.ZERO, "c")).isZero();
    assertThat(Columns.convert(null, double.class, Columns.Nulls.ZERO, "c")).isEqualTo(0.0d);
    assertThatThrownBy(() -> Columns.number(null, Columns.Nulls.FAIL, "open_items"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("open_items is null");
    assertThat(Columns.number(7, Columns.Nulls.FAIL, "c")).isEqualTo(7L);
    assertThat(Columns.bool(Boolean.TRUE, Columns.Nulls.FAIL, "c")).isTrue();
  }

  @Test
  void aWrongTypeFailsNamingTheColumn() {
    assertThatThrownBy(() -> Columns.as(42, UUID.class, "customer_id"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("customer_id")
        .hasMessageContaining("java.util.UUID");
    assertThatThrownBy(() -> Columns.bool("yes", Columns.Nulls.ZERO, "held"))
        .hasMessageContaining("held");
    assertThatThrownBy(() -> Columns.as(1, int.class, "c"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
