package org.receivables.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DataExceptionsTest {

  @Test
  void aDataExceptionIsFoundHoweverDeepTheOrmWrappedIt() {
    SQLException nul =
        new SQLException("ERROR: invalid byte sequence ... select * from x", "22021");
    Throwable wrapped =
        new IllegalStateException(
            "tx", new PersistenceException("could not execute", new RuntimeException(nul)));
    assertThat(DataExceptions.state(wrapped)).isEqualTo("22021");
    assertThat(DataExceptions.message(wrapped))
        .contains("cannot be stored")
        .doesNotContain("select")
        .doesNotContain("ERROR");
  }

  @Test
  void eachKindOfRefusedValueHasItsMessage() {
    assertThat(DataExceptions.message(new SQLException("x", "22001"))).contains("longer");
    assertThat(DataExceptions.message(new SQLException("x", "22003"))).contains("range");
    assertThat(DataExceptions.message(new SQLException("x", "22008"))).contains("date");
    assertThat(DataExceptions.message(new SQLException("x", "22P05"))).contains("NUL");
    assertThat(DataExceptions.message(new SQLException("x", "22023"))).contains("cannot be stored");
  }

  @Test
  void otherFailuresAreNotDataExceptions() {
    assertThat(DataExceptions.message(new SQLException("x", "23505"))).isNull();
    assertThat(DataExceptions.message(new SQLException("x", "57014"))).isNull();
    assertThat(DataExceptions.message(new SQLException("no state"))).isNull();
    assertThat(DataExceptions.message(new IllegalStateException("boom"))).isNull();
  }

  @Test
  void theNextExceptionOfABatchCounts() {
    SQLException batch = new SQLException("batch failed", "08000");
    batch.setNextException(new SQLException("value too long", "22001"));
    assertThat(DataExceptions.state(batch)).isEqualTo("22001");
  }
}
