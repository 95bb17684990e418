package org.receivables.invoicing.einvoice.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.validate.En16931Validator.Kind;
import org.receivables.invoicing.einvoice.xml.SecureXml;

class IntakeTest {

  private static Kind kind(String xml) {
    return Intake.kindOf(
        SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
  }

  @Test
  void theRootElementTellsTheSyntax() {
    assertThat(kind("<Invoice xmlns=\"" + Intake.UBL_INVOICE + "\"/>")).isEqualTo(Kind.UBL_INVOICE);
    assertThat(kind("<CreditNote xmlns=\"" + Intake.UBL_CREDIT_NOTE + "\"/>"))
        .isEqualTo(Kind.UBL_CREDIT_NOTE);
    assertThat(kind("<r:CrossIndustryInvoice xmlns:r=\"" + Intake.CII + "\"/>"))
        .isEqualTo(Kind.CII);
  }

  @Test
  void anythingElseIsNotAnInvoice() {
    assertThatThrownBy(() -> kind("<Invoice/>"))
        .isInstanceOf(EInvoiceRejection.class)
        .hasMessageContaining("not an EN 16931 invoice");
  }

  @Test
  void aPdfIsToldFromItsFirstBytes() {
    assertThat(FacturX.isPdf("%PDF-1.7".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(FacturX.isPdf("<?xml".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void typeCodesOfCreditNotes() {
    assertThat(TypeCodes.isCredit("381")).isTrue();
    assertThat(TypeCodes.isCredit("380")).isFalse();
    assertThat(TypeCodes.isCredit(null)).isFalse();
  }
}
