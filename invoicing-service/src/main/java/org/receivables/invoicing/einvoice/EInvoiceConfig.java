package org.receivables.invoicing.einvoice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.util.List;
import java.util.Map;

/** E-invoice intake settings ({@code invoicing.e-invoice.*}). */
@ConfigMapping(prefix = "invoicing.e-invoice")
public interface EInvoiceConfig {

  /** Largest document accepted, in bytes (PDF included); larger ones get a 413. */
  @WithDefault("5242880")
  int maxBytes();

  /**
   * Per tenant, the seller identities (VAT ids, SIREN or other legal ids) whose documents it
   * accepts; a tenant without an entry accepts any seller (the demo tenants have none).
   */
  @WithDefaults
  Map<String, List<String>> acceptedSellers();
}
