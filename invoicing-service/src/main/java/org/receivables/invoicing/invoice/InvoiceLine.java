package org.receivables.invoicing.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of an invoice, kept as sent so that totals can always be recomputed and explained. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

  /** Invoice id and line number. */
  @Embeddable
  public record Key(
      @Column(name = "invoice_id") UUID invoiceId, @Column(name = "line_no") int lineNo)
      implements Serializable {}

  @EmbeddedId public Key key;

  @MapsId("invoiceId")
  @ManyToOne
  @JoinColumn(name = "invoice_id")
  public Invoice invoice;

  @Column(name = "line_no", insertable = false, updatable = false)
  public int lineNo;

  public String description;
  public BigDecimal quantity;

  @Column(name = "unit_price")
  public BigDecimal unitPrice;

  @Column(name = "vat_rate")
  public BigDecimal vatRate;

  @Column(name = "net_amount")
  public BigDecimal netAmount;

  /** EN 16931 VAT category code (BT-151), e.g. S, Z, E, AE, K, G, O. */
  @Column(name = "vat_category")
  public String vatCategory;

  /** BT-120, for the exempt categories only. */
  @Column(name = "vat_exemption_reason")
  public String vatExemptionReason;

  /** The line's category: the stored one, else what its rate always meant. */
  public VatCategory category() {
    return vatCategory == null
        ? VatCategory.fromRate(vatRate)
        : VatCategory.parse(vatCategory).orElseThrow();
  }

  public InvoiceTotals.Line amounts() {
    return new InvoiceTotals.Line(quantity, unitPrice, vatRate);
  }
}
