package org.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.Problem.FieldError;

class VatCategoryTest {

  static VatCategory.Line line(String category, String rate, String reason) {
    return new VatCategory.Line(category, new BigDecimal(rate), reason);
  }

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void withoutACategoryTheRateDecidesAsBefore() {
    assertThat(VatCategory.fromRate(new BigDecimal("20"))).isEqualTo(VatCategory.S);
    assertThat(VatCategory.fromRate(BigDecimal.ZERO)).isEqualTo(VatCategory.Z);
    assertThat(
            VatCategory.check(List.of(line(null, "20", null), line(null, "0", null)), null, null))
        .isEmpty();
  }

  @Test
  void onlyStandardRateTakesARate() {
    assertThat(fields(VatCategory.check(List.of(line("S", "0", null)), null, null)))
        .containsExactly("lines[0].vatRate");
    assertThat(fields(VatCategory.check(List.of(line("G", "20", null)), null, null)))
        .containsExactly("lines[0].vatRate");
  }

  @Test
  void exemptionNeedsItsReasonAndOthersTakeNone() {
    assertThat(fields(VatCategory.check(List.of(line("E", "0", " ")), null, null)))
        .containsExactly("lines[0].vatExemptionReason");
    assertThat(VatCategory.check(List.of(line("E", "0", "Article 261 C CGI")), null, null))
        .isEmpty();
    assertThat(fields(VatCategory.check(List.of(line("S", "20", "Exempt")), null, null)))
        .containsExactly("lines[0].vatExemptionReason");
    assertThat(VatCategory.G.reason(null)).isEqualTo("Export outside the EU");
    assertThat(VatCategory.G.reason("Export, article 262 I CGI"))
        .isEqualTo("Export, article 262 I CGI");
    assertThat(VatCategory.K.reasonCode()).contains("VATEX-EU-IC");
  }

  @Test
  void anUnknownCategoryIsNamed() {
    assertThat(fields(VatCategory.check(List.of(line("L", "0", null)), null, null)))
        .containsExactly("lines[0].vatCategory");
  }

  @Test
  void intraEuSupplyAndReverseChargeNeedTheBuyersIdentifier() {
    assertThat(fields(VatCategory.check(List.of(line("K", "0", null)), null, "552100554")))
        .containsExactly("buyerVatId");
    assertThat(VatCategory.check(List.of(line("K", "0", null)), "DE123456789", null)).isEmpty();
    assertThat(fields(VatCategory.check(List.of(line("AE", "0", null)), null, null)))
        .containsExactly("buyerVatId");
    assertThat(VatCategory.check(List.of(line("AE", "0", null)), null, "552100554")).isEmpty();
  }

  @Test
  void outsideTheScopeOfVatStandsAloneAndNamesNoVatIdentifier() {
    assertThat(
            fields(
                VatCategory.check(
                    List.of(line("O", "0", null), line("S", "20", null)), null, null)))
        .containsExactly("lines");
    assertThat(fields(VatCategory.check(List.of(line("O", "0", null)), "DE123456789", null)))
        .containsExactly("buyerVatId");
  }
}
