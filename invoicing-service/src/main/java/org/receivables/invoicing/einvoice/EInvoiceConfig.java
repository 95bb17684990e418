package org.receivables.invoicing.einvoice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Per tenant, what a buyer's REFUSED lifecycle status (210) does: CANCEL the invoice (when
   * nothing was paid on it) or open a DISPUTE; a tenant without an entry disputes.
   */
  @WithDefault("DISPUTE")
  Map<String, org.receivables.invoicing.einvoice.lifecycle.LifecycleRules.RefusalMeans>
      refusedMeans();

  /**
   * Per tenant, the seller printed on the invoices we issue as CII or Factur-X (BG-4); the entry
   * {@code default} serves tenants without one of their own. A tenant with neither cannot export.
   */
  Map<String, Seller> sellers();

  /** Publishing the PDF dunning asks for on the documents topic (docs/e-invoicing.md). */
  Documents documents();

  /** {@code invoicing.e-invoice.documents.*}. */
  interface Documents {
    /** Off: dunning's requests queue nothing, so nothing is published (reminders go without). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Largest PDF published, in bytes: base64 makes it a third larger, and a Kafka record stays
     * under the broker's 1 MiB default. A larger received Factur-X is replaced by the generated
     * one.
     */
    @WithDefault("524288")
    int maxBytes();

    /** How often the worker looks for queued invoices (read by its {@code @Scheduled}). */
    @WithDefault("1s")
    String poll();

    /** Attempts at one invoice's PDF before it is given up (logged as an error). */
    @WithDefault("5")
    int attempts();

    /** Wait before the next attempt after a failed one. */
    @WithDefault("PT1M")
    java.time.Duration retryAfter();
  }

  /** The seller's identity and address (BT-27 to BT-40) and where to pay (BT-84, BT-86). */
  interface Seller {
    String name();

    /** BT-31: required by EN 16931 for standard-rated VAT. */
    String vatId();

    /** BT-30, with its ICD scheme (0002 for a SIREN). */
    Optional<String> legalId();

    @WithDefault("0002")
    String legalIdScheme();

    Optional<String> street();

    Optional<String> postcode();

    Optional<String> city();

    /** ISO 3166-1 alpha-2. */
    String country();

    Optional<String> iban();

    Optional<String> bic();
  }
}
