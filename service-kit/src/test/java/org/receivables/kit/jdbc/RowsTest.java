package org.receivables.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Positional rows become records, whatever width or date type the driver chose. */
class RowsTest {

  record Sample(
      UUID id, int count, long big, BigDecimal amount, LocalDate on, Instant at, boolean ok) {}

  record Positive(int n) {
    Positive {
      if (n <= 0) {
        throw new IllegalArgumentException("n must be positive");
      }
    }
  }

  private static final Object[] NULLS = {null, null, null, null, null, null, null};

  @Test
  void columnsAreConvertedToTheComponentTypesInSelectOrder() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-06-15T10:00:00Z");
    Sample s =
        Rows.toRecord(
            new Object[] {
              id.toString(), 3L, 7, 12, Date.valueOf("2026-06-15"), Timestamp.from(at), Boolean.TRUE
            },
            Sample.class,
            Columns.Nulls.FAIL);
    assertThat(s)
        .isEqualTo(
            new Sample(id, 3, 7L, new BigDecimal("12"), LocalDate.of(2026, 6, 15), at, true));
  }

  @Test
  void withZeroNullsBecomeNullOrTheFalseAndZeroOfPrimitives() {
    assertThat(Rows.toRecord(NULLS, Sample.class, Columns.Nulls.ZERO))
        .isEqualTo(new Sample(null, 0, 0L, null, null, null, false));
  }

  @Test
  void withFailANullPrimitiveNamesTheRecordAndComponent() {
    assertThatThrownBy(() -> Rows.toRecord(NULLS, Sample.class, Columns.Nulls.FAIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Sample.count is null");
  }

  @Test
  void aColumnCountThatDoesNotMatchNamesTheRecord() {
    assertThatThrownBy(() -> Rows.toRecord(new Object[] {1}, Sample.class, Columns.Nulls.ZERO))
        .hasMessageContaining("Sample has 7 components, the query 1 columns");
  }

  @Test
  void aBareValueIsARowOfOneAndTheCompactConstructorStillChecks() {
    assertThat(Rows.toRecord(5L, Positive.class, Columns.Nulls.FAIL)).isEqualTo(new Positive(5));
    assertThatThrownBy(() -> Rows.toRecord(0, Positive.class, Columns.Nulls.FAIL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be positive");
  }
}
