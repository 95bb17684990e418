package org.receivables.invoicing.einvoice.ledger;

import org.receivables.invoicing.einvoice.read.EDocument;

/**
 * The seller half of the idempotency key (seller + number): its VAT id (BT-31) when it has one,
 * else its legal registration id with scheme (BT-30), else its id (BT-29), else its name (BT-27).
 */
public final class SellerKey {

  private SellerKey() {}

  public static String of(EDocument.Party seller) {
    if (seller.vatId() != null) {
      return "VAT:" + normalise(seller.vatId());
    }
    if (seller.legalId() != null) {
      return "LEGAL:"
          + (seller.legalIdScheme() == null ? "" : seller.legalIdScheme() + ":")
          + normalise(seller.legalId());
    }
    if (seller.id() != null) {
      return "ID:" + normalise(seller.id());
    }
    return "NAME:" + (seller.name() == null ? "" : seller.name().strip());
  }

  /** VAT and registration ids are compared without spaces, dots and case. */
  static String normalise(String id) {
    return id.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
  }
}
