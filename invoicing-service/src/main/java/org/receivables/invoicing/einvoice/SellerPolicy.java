package org.receivables.invoicing.einvoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.receivables.invoicing.einvoice.read.EDocument;

/**
 * The optional per-tenant list of seller identities a tenant accepts documents from ({@code
 * invoicing.e-invoice.accepted-sellers.<tenant>}): a tenant that collects its own receivables
 * should not have a third party's invoices booked as its own.
 */
@ApplicationScoped
public class SellerPolicy {

  @Inject EInvoiceConfig config;

  public void check(String tenantId, EDocument.Party seller) {
    List<String> accepted = config.acceptedSellers().get(tenantId);
    if (accepted == null || accepted.isEmpty()) {
      return;
    }
    if (!accepts(accepted, seller)) {
      throw EInvoiceRejection.rule(
          "SUITE-SELLER-1",
          "the seller (VAT id "
              + seller.vatId()
              + ", legal id "
              + seller.legalId()
              + ") is not one of this tenant's accepted seller identities",
          "BG-4");
    }
  }

  static boolean accepts(List<String> accepted, EDocument.Party seller) {
    List<String> ids =
        Stream.of(seller.vatId(), seller.legalId(), seller.id())
            .filter(Objects::nonNull)
            .map(SellerPolicy::normalise)
            .toList();
    return accepted.stream().map(SellerPolicy::normalise).anyMatch(ids::contains);
  }

  private static String normalise(String id) {
    return id.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
  }
}
