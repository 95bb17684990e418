package org.receivables.invoicing.einvoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A received e-invoice: its original bytes (served back unchanged), the seller + number key that
 * makes a resubmission idempotent, and the ledger rows it became.
 */
@Entity
@Table(name = "e_invoice_document")
public class EInvoiceDocument extends PanacheEntityBase {

  /** What the document became in the ledger. */
  public enum Kind {
    INVOICE,
    CREDIT_NOTE
  }

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "seller_key", nullable = false)
  public String sellerKey;

  public String number;
  public String syntax;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public Kind kind;

  @Column(name = "media_type")
  public String mediaType;

  public byte[] content;
  public String sha256;

  /** The invoice it created, or the invoice a credit note credits; null for an unapplied credit. */
  @Column(name = "invoice_id")
  public UUID invoiceId;

  @Column(name = "credit_note_id")
  public UUID creditNoteId;

  /** A credit note naming no known invoice: the credit it left on the buyer's account. */
  @Column(name = "account_credit_id")
  public UUID accountCreditId;

  /** The buyer holding {@link #accountCreditId}. */
  @Column(name = "customer_id")
  public UUID customerId;

  /** {@link DocumentFacts} as JSON. */
  public String facts;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
