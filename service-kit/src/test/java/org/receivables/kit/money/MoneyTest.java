package org.receivables.kit.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void roundsHalfUpToTheCurrencyMinorUnit() {
    assertThat(Money.round(new BigDecimal("10.005"), "EUR")).isEqualByComparingTo("10.01");
    assertThat(Money.round(new BigDecimal("10.004"), "EUR")).isEqualTo(new BigDecimal("10.00"));
    assertThat(Money.round(new BigDecimal("1234.5"), "JPY")).isEqualTo(new BigDecimal("1235"));
    assertThat(Money.round(new BigDecimal("1.2345"), "BHD")).isEqualTo(new BigDecimal("1.235"));
  }

  @Test
  void knowsWhichAmountsFitTheCurrency() {
    assertThat(Money.fitsMinorUnits(new BigDecimal("1.50"), "EUR")).isTrue();
    assertThat(Money.fitsMinorUnits(new BigDecimal("1.500"), "EUR")).isTrue();
    assertThat(Money.fitsMinorUnits(new BigDecimal("1.505"), "EUR")).isFalse();
    assertThat(Money.fitsMinorUnits(new BigDecimal("100.5"), "JPY")).isFalse();
  }

  @Test
  void acceptsOnlyIso4217Codes() {
    assertThat(Money.currency("EUR")).isPresent();
    assertThat(Money.currency("eur")).isEmpty();
    assertThat(Money.currency("XYZ")).isEmpty();
    assertThat(Money.currency(null)).isEmpty();
  }
}
