package org.receivables.invoicing.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the API shows it. */
@Schema(name = "Customer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(
    UUID id,
    String externalRef,
    String name,
    String legalId,
    String country,
    String currency,
    String language,
    String email,
    String phone,
    Terms paymentTerms,
    String segment,
    long version,
    Instant createdAt) {

  /** Payment terms as stored, with the end-of-month reading made explicit. */
  @Schema(name = "PaymentTermsView")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Terms(
      int days,
      boolean endOfMonth,
      EndOfMonthRule endOfMonthRule,
      BigDecimal discountPercent,
      Integer discountDays) {}

  static CustomerView of(Customer c) {
    return new CustomerView(
        c.id,
        c.externalRef,
        c.name,
        c.legalId,
        c.country,
        c.currency,
        c.language,
        c.email,
        c.phone,
        new Terms(
            c.termsDays,
            c.termsEndOfMonth != EndOfMonthRule.NONE,
            c.termsEndOfMonth,
            c.discountPercent,
            c.discountDays),
        c.segment,
        c.version,
        c.createdAt);
  }
}
