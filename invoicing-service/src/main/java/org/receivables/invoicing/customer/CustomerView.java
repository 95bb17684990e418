package org.receivables.invoicing.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the API shows it. */
@Schema(name = "Customer", description = "A debtor of the tenant")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(
    @Schema(description = "The customer's id in this suite") UUID id,
    @Schema(description = "The ERP's own id, unique per tenant", example = "C-10042")
        String externalRef,
    @Schema(example = "Boulangerie Martin SARL") String name,
    @Schema(example = "552100554") String legalId,
    @Schema(example = "FR") String country,
    @Schema(example = "EUR") String currency,
    @Schema(description = "Language of reminders", example = "fr") String language,
    @Schema(example = "compta@boulangerie-martin.fr") String email,
    @Schema(example = "+33612345678") String phone,
    Terms paymentTerms,
    @Schema(example = "retail") String segment,
    @Schema(description = "No reminders are sent to this customer") boolean doNotDun,
    @Schema(description = "On credit hold (set by scoring): no new credit") boolean creditHold,
    @Schema(description = "Why it is on credit hold") String creditHoldReason,
    @Schema(description = "When the credit hold last changed") Instant creditHoldChangedAt,
    @Schema(description = "Version for optimistic locking; also sent as the ETag") long version,
    Instant createdAt,
    Instant updatedAt,
    @Schema(
            description =
                "When the customer's personal data (name, e-mail, phone) was erased; absent if"
                    + " never. The name then reads \"(erased)\".")
        Instant personalDataErasedAt) {

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
        c.doNotDun,
        c.creditHold,
        c.creditHoldReason,
        c.creditHoldChangedAt,
        c.version,
        c.createdAt,
        c.updatedAt,
        c.personalDataErasedAt);
  }
}
