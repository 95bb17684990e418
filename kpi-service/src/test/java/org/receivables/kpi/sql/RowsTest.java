package org.receivables.kpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The mapping helper reads each column as its record wants it, whatever Java type JDBC chose. */
class RowsTest {

  @Test
  void readsEachColumnByTypeWhateverTheDriverReturned() {
    UUID id = UUID.randomUUID();
    Rows.Row row =
        new Rows.Row(
            new Object[] {
              id,
              Date.valueOf("2026-06-30"),
              LocalDate.of(2026, 7, 1),
              new BigDecimal("12.50"),
              BigInteger.valueOf(7),
              "EUR",
              null,
              Boolean.TRUE,
              Timestamp.from(Instant.parse("2026-06-30T10:00:00Z")),
              OffsetDateTime.of(2026, 6, 30, 12, 0, 0, 0, ZoneOffset.ofHours(2))
            });
    assertThat(row.uuid(0)).isEqualTo(id);
    assertThat(row.date(1)).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(row.date(2)).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(row.decimal(3)).isEqualByComparingTo("12.5");
    assertThat(row.count(4)).isEqualTo(7);
    assertThat(row.integer(4)).isEqualTo(7);
    assertThat(row.decimal(4)).isEqualByComparingTo("7");
    assertThat(row.code(5)).isEqualTo("EUR");
    assertThat(row.text(6)).isNull();
    assertThat(row.decimal(6)).isNull();
    assertThat(row.date(6)).isNull();
    assertThat(row.integer(6)).isNull();
    assertThat(row.count(6)).isZero();
    assertThat(row.bool(6)).isFalse();
    assertThat(row.bool(7)).isTrue();
    assertThat(row.instant(8)).isEqualTo(Instant.parse("2026-06-30T10:00:00Z"));
    assertThat(row.instant(9)).isEqualTo(Instant.parse("2026-06-30T10:00:00Z"));
  }

  @Test
  void aSingleColumnResultIsARowOfOne() {
    Rows.Row row = new Rows.Row(new BigDecimal("3"));
    assertThat(row.decimal(0)).isEqualByComparingTo("3");
  }

  @Test
  void aCharColumnCodeLosesItsPaddingButTextKeepsItsSpaces() {
    Rows.Row row = new Rows.Row(new Object[] {"EUR ", "Globex SA "});
    assertThat(row.code(0)).isEqualTo("EUR");
    assertThat(row.text(1)).isEqualTo("Globex SA ");
  }
}
