package org.receivables.dunning.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rows read by the JDBC driver become records, whatever width or date type the driver chose. */
class RowsTest {

  record Sample(
      UUID id, int count, long big, BigDecimal amount, LocalDate on, Instant at, boolean ok) {}

  @Test
  void columnsAreConvertedToTheComponentTypes() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-06-15T10:00:00Z");
    Sample s =
        Rows.toRecord(
            new Object[] {
              id.toString(), 3L, 7, 12, Date.valueOf("2026-06-15"), Timestamp.from(at), Boolean.TRUE
            },
            Sample.class);
    assertThat(s)
        .isEqualTo(
            new Sample(id, 3, 7L, new BigDecimal("12"), LocalDate.of(2026, 6, 15), at, true));
  }

  @Test
  void nullsBecomeNullOrTheFalseAndZeroOfPrimitives() {
    Sample s = Rows.toRecord(new Object[] {null, null, null, null, null, null, null}, Sample.class);
    assertThat(s).isEqualTo(new Sample(null, 0, 0L, null, null, null, false));
  }

  @Test
  void aColumnCountThatDoesNotMatchNamesTheRecord() {
    assertThatThrownBy(() -> Rows.toRecord(new Object[] {1}, Sample.class))
        .hasMessageContaining("Sample has 7 components, the query 1 columns");
  }
}
