package org.receivables.invoicing.einvoice.out;

import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.commons.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import com.helger.ubl21.UBL21Marshaller;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;

/**
 * Writes an invoice as a UBL 2.1 Invoice and a credit note as a UBL 2.1 CreditNote: the CII that
 * {@link CiiWriter} writes, converted by the EN 16931 CII-to-UBL converter (com.helger
 * en16931-cii2ubl, which Mustang ships), so that both syntaxes carry the same business terms and no
 * mapping is kept twice. One correction: the converter (2.3.1) puts a credit note's preceding
 * invoice (BT-25) in {@code BillingReference/CreditNoteDocumentReference}, where EN 16931 reads it
 * from {@code InvoiceDocumentReference} (BR-55, UBL-SR-07); it is moved there.
 */
public final class UblWriter {

  /** EN 16931 core (BT-24). */
  static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017";

  private UblWriter() {}

  /** An invoice's CII as a UBL 2.1 Invoice. */
  public static byte[] invoice(byte[] cii) {
    ErrorList errors = new ErrorList();
    InvoiceType ubl = converter().convertToInvoice(read(cii), errors);
    return UBL21Marshaller.invoice().getAsBytes(checked(ubl, errors));
  }

  public static byte[] creditNote(byte[] cii) {
    ErrorList errors = new ErrorList();
    CreditNoteType ubl = checked(converter().convertToCreditNote(read(cii), errors), errors);
    for (BillingReferenceType ref : ubl.getBillingReference()) {
      if (ref.getInvoiceDocumentReference() == null
          && ref.getCreditNoteDocumentReference() != null) {
        ref.setInvoiceDocumentReference(ref.getCreditNoteDocumentReference());
        ref.setCreditNoteDocumentReference(null);
      }
    }
    return UBL21Marshaller.creditNote().getAsBytes(ubl);
  }

  private static CIIToUBL21Converter converter() {
    return new CIIToUBL21Converter().setCustomizationID(CUSTOMIZATION);
  }

  private static CrossIndustryInvoiceType read(byte[] cii) {
    CrossIndustryInvoiceType parsed = new CIID16BCrossIndustryInvoiceTypeMarshaller().read(cii);
    if (parsed == null) {
      throw new IllegalStateException("the CII we wrote could not be read back");
    }
    return parsed;
  }

  private static <T> T checked(T ubl, ErrorList errors) {
    if (ubl == null || errors.containsAtLeastOneError()) {
      throw new IllegalStateException("CII to UBL conversion failed: " + errors);
    }
    return ubl;
  }
}
