package org.receivables.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.EInvoiceRejection.RuleError;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.invoicing.einvoice.xml.SecureXml;

/** The official CEN artefacts accept the test documents and name the rules a broken one breaks. */
class En16931ValidatorTest {

  private static final En16931Validator VALIDATOR = new En16931Validator();

  static List<RuleError> errors(En16931Validator.Kind kind, String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return VALIDATOR.validate(kind, bytes, SecureXml.parse(bytes)).errors();
  }

  static TestDocument everyCategory() {
    TestDocument d = new TestDocument();
    d.buyerVat = "FR61987654321";
    d.line("10", "100.00", "S", "20")
        .line("3", "12.50", "S", "5.5")
        .line("2", "40.00", "Z", "0")
        .line("1", "75.00", "E", "0")
        .allowance("10.00", "S", "20")
        .charge("15.00", "S", "5.5");
    d.prepaid = "100.00";
    return d;
  }

  @Test
  void acceptsAValidUblInvoiceAndCii() {
    TestDocument d = everyCategory();
    assertThat(errors(En16931Validator.Kind.UBL_INVOICE, d.ubl())).isEmpty();
    assertThat(errors(En16931Validator.Kind.CII, d.cii())).isEmpty();
  }

  @Test
  void acceptsReverseChargeExportAndNotSubject() {
    TestDocument ae = new TestDocument();
    ae.buyerVat = "DE123456789";
    ae.buyerCountry = "DE";
    ae.line("1", "500.00", "AE", "0");
    assertThat(errors(En16931Validator.Kind.UBL_INVOICE, ae.ubl())).isEmpty();
    assertThat(errors(En16931Validator.Kind.CII, ae.cii())).isEmpty();

    TestDocument g = new TestDocument();
    g.buyerCountry = "US";
    g.line("1", "800.00", "G", "0");
    assertThat(errors(En16931Validator.Kind.UBL_INVOICE, g.ubl())).isEmpty();

    TestDocument k = new TestDocument();
    k.buyerVat = "BE0123456749";
    k.buyerCountry = "BE";
    k.deliveryDate = "2026-10-30";
    k.line("4", "25.00", "K", "0");
    assertThat(errors(En16931Validator.Kind.CII, k.cii())).isEmpty();

    TestDocument o = new TestDocument();
    o.sellerVat = null;
    o.line("1", "60.00", "O", "0");
    assertThat(errors(En16931Validator.Kind.UBL_INVOICE, o.ubl())).isEmpty();
  }

  @Test
  void namesTheBrokenRules() {
    String broken =
        everyCategory()
            .ubl()
            .replaceFirst(
                "<cbc:PayableAmount currencyID=\"EUR\">[0-9.]+<",
                "<cbc:PayableAmount currencyID=\"EUR\">1.00<");
    List<RuleError> errors = errors(En16931Validator.Kind.UBL_INVOICE, broken);
    assertThat(errors).extracting(RuleError::rule).contains("BR-CO-16");
    assertThat(errors).allSatisfy(e -> assertThat(e.location()).isNotBlank());
  }

  @Test
  void reportsSchemaErrorsWithTheirLine() {
    String broken =
        everyCategory()
            .cii()
            .replace("<ram:TypeCode>380</ram:TypeCode>", "<ram:Kind>380</ram:Kind>");
    List<RuleError> errors = errors(En16931Validator.Kind.CII, broken);
    assertThat(errors).extracting(RuleError::rule).contains("XSD");
  }
}
