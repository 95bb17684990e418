package org.receivables.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NamedRowsTest {

  enum Status {
    OPEN,
    CLOSED
  }

  record Row(
      UUID id,
      String entryReference,
      BigDecimal amount,
      boolean credit,
      int position,
      long entries,
      LocalDate bookingDate,
      Instant createdAt,
      Status status,
      String note) {}

  /** A row as Hibernate gives it: values by column label. */
  private static Tuple tuple(Map<String, Object> columns) {
    return tuple(columns, new int[1]);
  }

  /**
   * @param elementReads counts the reads of the row's elements (its column aliases)
   */
  private static Tuple tuple(Map<String, Object> columns, int[] elementReads) {
    List<TupleElement<?>> elements =
        columns.keySet().stream().<TupleElement<?>>map(NamedRowsTest::element).toList();
    return new Tuple() {
      @Override
      public <X> X get(TupleElement<X> e) {
        @SuppressWarnings("unchecked")
        X value = (X) columns.get(e.getAlias());
        return value;
      }

      @Override
      public <X> X get(String alias, Class<X> type) {
        return type.cast(columns.get(alias));
      }

      @Override
      public Object get(String alias) {
        return columns.get(alias);
      }

      @Override
      public <X> X get(int i, Class<X> type) {
        return type.cast(toArray()[i]);
      }

      @Override
      public Object get(int i) {
        return toArray()[i];
      }

      @Override
      public Object[] toArray() {
        return columns.values().toArray();
      }

      @Override
      public List<TupleElement<?>> getElements() {
        elementReads[0]++;
        return elements;
      }
    };
  }

  private static TupleElement<Object> element(String alias) {
    return new TupleElement<>() {
      @Override
      public Class<? extends Object> getJavaType() {
        return Object.class;
      }

      @Override
      public String getAlias() {
        return alias;
      }
    };
  }

  private static Map<String, Object> columns() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("note", null);
    c.put("status", "CLOSED");
    c.put("created_at", OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    c.put("booking_date", java.sql.Date.valueOf("2026-11-30"));
    c.put("entries", 7L);
    c.put("position", (short) 3);
    c.put("credit", Boolean.TRUE);
    c.put("amount", 12.5d);
    c.put("ENTRY_REFERENCE", "REF-1");
    c.put("id", UUID.fromString("00000000-0000-0000-0000-000000000001"));
    return c;
  }

  @Test
  void componentsAreFilledFromTheColumnsOfTheSameNameWhateverTheirOrder() {
    Row row = NamedRows.toRecord(tuple(columns()), Row.class);
    assertThat(row.id()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    assertThat(row.entryReference()).isEqualTo("REF-1");
    assertThat(row.amount()).isEqualByComparingTo("12.5");
    assertThat(row.credit()).isTrue();
    assertThat(row.position()).isEqualTo(3);
    assertThat(row.entries()).isEqualTo(7L);
    assertThat(row.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(row.status()).isEqualTo(Status.CLOSED);
    assertThat(row.note()).isNull();
  }

  @Test
  void timestampsAreReadAsInstants() {
    Map<String, Object> c = columns();
    c.put("created_at", Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")));
    assertThat(NamedRows.toRecord(tuple(c), Row.class).createdAt())
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void aMissingColumnOrAWrongTypeFailsNamingTheRecordAndTheColumn() {
    Map<String, Object> missing = columns();
    missing.remove("booking_date");
    assertThatThrownBy(() -> NamedRows.toRecord(tuple(missing), Row.class))
        .hasMessageContaining("Row.bookingDate")
        .hasMessageContaining("booking_date");
    Map<String, Object> wrong = columns();
    wrong.put("id", 42);
    assertThatThrownBy(() -> NamedRows.toRecord(tuple(wrong), Row.class))
        .hasMessageContaining("Row")
        .hasMessageContaining("id");
    Map<String, Object> nullFlag = columns();
    nullFlag.put("credit", null);
    assertThatThrownBy(() -> NamedRows.toRecord(tuple(nullFlag), Row.class))
        .hasMessageContaining("credit is null");
  }

  @Test
  void aNullPrimitiveIsItsZeroWhenTheCallerSaysSo() {
    Map<String, Object> c = columns();
    c.put("credit", null);
    c.put("entries", null);
    Row row = NamedRows.toRecord(tuple(c), Row.class, Columns.Nulls.ZERO);
    assertThat(row.credit()).isFalse();
    assertThat(row.entries()).isZero();
  }

  record Keyed(String key, Row row) {}

  @Test
  void aRecordComponentWithoutAColumnIsReadFromTheSameRow() {
    Map<String, Object> c = columns();
    c.put("key", "K");
    Keyed keyed = NamedRows.toRecord(tuple(c), Keyed.class);
    assertThat(keyed.key()).isEqualTo("K");
    assertThat(keyed.row().entryReference()).isEqualTo("REF-1");
  }

  /** A result set over these rows (same labels in each), as a driver gives it. */
  private static ResultSet resultSet(List<Map<String, Object>> rows) {
    List<String> labels = List.copyOf(rows.get(0).keySet());
    ResultSetMetaData meta =
        (ResultSetMetaData)
            Proxy.newProxyInstance(
                NamedRowsTest.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getColumnCount" -> labels.size();
                      case "getColumnLabel" -> labels.get((Integer) args[0] - 1);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    int[] at = {-1};
    return (ResultSet)
        Proxy.newProxyInstance(
            NamedRowsTest.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "next" -> ++at[0] < rows.size();
                  case "getMetaData" -> meta;
                  case "getObject" -> rows.get(at[0]).get(labels.get((Integer) args[0] - 1));
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aReaderMatchesTheColumnsOnceAndReadsEveryRowAsATupleOfItWould() throws Exception {
    Map<String, Object> first = columns();
    first.put("key", "K1");
    Map<String, Object> second = columns();
    second.put("key", "K2");
    second.put("ENTRY_REFERENCE", "REF-2");
    second.put("note", "late");
    List<Map<String, Object>> rows = List.of(first, second);
    ResultSet rs = resultSet(rows);
    NamedRows.RowReader<Keyed> reader = NamedRows.reader(rs, Keyed.class, Columns.Nulls.FAIL);
    List<Keyed> read = new ArrayList<>();
    while (rs.next()) {
      read.add(reader.read());
      assertThat(read.get(read.size() - 1))
          .isEqualTo(NamedRows.toRecord(tuple(rows.get(read.size() - 1)), Keyed.class));
    }
    assertThat(read).extracting(Keyed::key).containsExactly("K1", "K2");
    assertThat(read.get(1).row().entryReference()).isEqualTo("REF-2");
    assertThat(read.get(1).row().note()).isEqualTo("late");
    assertThat(read.get(0).row().createdAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  /** A native query over these rows, as Hibernate gives them to a {@code Tuple.class} query. */
  private static Query query(List<Tuple> rows) {
    return (Query)
        Proxy.newProxyInstance(
            NamedRowsTest.class.getClassLoader(),
            new Class<?>[] {Query.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getResultList" -> rows;
                  case "getSingleResult" -> rows.get(0);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aQueryAndAResultSetOfTheSameRowsGiveTheSameRecords() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> c = columns();
      c.put("key", "K" + i);
      c.put("ENTRY_REFERENCE", "REF-" + i);
      c.put("position", i);
      c.put("note", i == 1 ? null : "note " + i);
      rows.add(c);
    }
    int[] elementReads = {0};
    List<Tuple> tuples = rows.stream().map(c -> tuple(c, elementReads)).toList();
    List<Keyed> fromQuery = NamedRows.list(query(tuples), Keyed.class);
    ResultSet rs = resultSet(rows);
    NamedRows.RowReader<Keyed> reader = NamedRows.reader(rs, Keyed.class, Columns.Nulls.FAIL);
    List<Keyed> fromResultSet = new ArrayList<>();
    while (rs.next()) {
      fromResultSet.add(reader.read());
    }
    assertThat(fromQuery).isEqualTo(fromResultSet).hasSize(3);
    assertThat(fromQuery)
        .extracting(k -> k.row().entryReference())
        .containsExactly("REF-0", "REF-1", "REF-2");
    assertThat(fromQuery).extracting(k -> k.row().position()).containsExactly(0, 1, 2);
    assertThat(elementReads[0]).as("columns matched once per query, not per row").isEqualTo(1);
    assertThat(NamedRows.single(query(tuples), Keyed.class, Columns.Nulls.FAIL))
        .isEqualTo(fromResultSet.get(0));
    assertThat(NamedRows.first(query(tuples.subList(2, 3)), Keyed.class))
        .contains(fromResultSet.get(2));
    assertThat(NamedRows.first(query(List.of()), Keyed.class)).isEmpty();
  }

  @Test
  void aQueryWithoutAComponentsColumnFailsAsAResultSetDoes() {
    Map<String, Object> c = columns();
    c.remove("amount");
    Query query = query(List.of(tuple(c)));
    assertThatThrownBy(() -> NamedRows.list(query, Row.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Row.amount: no column amount");
    assertThatThrownBy(() -> NamedRows.reader(resultSet(List.of(c)), Row.class, Columns.Nulls.FAIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Row.amount: no column amount");
  }

  @Test
  void aReaderRefusesAResultSetWithoutAComponentsColumnBeforeReadingAnyRow() {
    Map<String, Object> c = columns();
    c.remove("amount");
    assertThatThrownBy(() -> NamedRows.reader(resultSet(List.of(c)), Row.class, Columns.Nulls.FAIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Row.amount")
        .hasMessageContaining("no column amount");
  }

  record Positive(int n) {
    Positive {
      if (n <= 0) {
        throw new IllegalArgumentException("n must be positive");
      }
    }
  }

  @Test
  void theCompactConstructorStillChecks() {
    assertThat(NamedRows.toRecord(tuple(Map.of("n", 5L)), Positive.class))
        .isEqualTo(new Positive(5));
    assertThatThrownBy(() -> NamedRows.toRecord(tuple(Map.of("n", 0)), Positive.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be positive");
  }

  @Test
  void camelCaseComponentsNameSnakeCaseColumns() {
    assertThat(NamedRows.column("endToEndId")).isEqualTo("end_to_end_id");
    assertThat(NamedRows.column("id")).isEqualTo("id");
  }
}
