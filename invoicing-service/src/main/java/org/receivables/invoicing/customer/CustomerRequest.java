package org.receivables.invoicing.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an ERP sends to register a debtor, or to replace its data (PUT with If-Match). */
@Schema(name = "CustomerRequest", description = "A debtor to register")
public record CustomerRequest(
    @Schema(
            description = "The ERP's own id of the customer, unique per tenant",
            example = "C-10042")
        @NotBlank
        @Size(max = 100)
        String externalRef,
    @Schema(example = "Boulangerie Martin SARL") @NotBlank @Size(max = 200) String name,
    @Schema(description = "Company registration id, e.g. SIREN", example = "552100554")
        @Size(max = 50)
        String legalId,
    @Schema(description = "ISO 3166-1 alpha-2", example = "FR")
        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR")
        String country,
    @Schema(description = "ISO 4217 currency of the customer's invoices", example = "EUR")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,
    @Schema(
            description = "Language of reminders",
            enumeration = {"fr", "en"},
            example = "fr")
        @NotNull
        @Pattern(regexp = "fr|en", message = "must be fr or en")
        String language,
    @Schema(example = "compta@boulangerie-martin.fr") @Email @Size(max = 254) String email,
    @Schema(example = "+33612345678") @Size(max = 30) String phone,
    @NotNull @Valid PaymentTermsRequest paymentTerms,
    @Schema(description = "Free segment used by policies and KPIs", example = "retail")
        @Size(max = 50)
        String segment,
    @Schema(
            description =
                "Never send reminders to this customer (e.g. a key account handled by hand);"
                    + " false when absent",
            example = "false")
        Boolean doNotDun) {

  /** Payment terms as an ERP states them. */
  @Schema(name = "PaymentTerms")
  public record PaymentTermsRequest(
      @Schema(description = "Days until due", example = "30") @NotNull @Min(0) @Max(365)
          Integer days,
      @Schema(description = "Whether the terms are 'days end of month'", example = "false")
          Boolean endOfMonth,
      @Schema(
              description =
                  "Which French reading of end-of-month terms applies; defaults to"
                      + " DAYS_THEN_END_OF_MONTH when endOfMonth is true")
          EndOfMonthRule endOfMonthRule,
      @Schema(description = "Early-payment discount in percent", example = "2")
          @DecimalMin("0")
          @DecimalMax("100")
          @Digits(integer = 3, fraction = 2)
          BigDecimal discountPercent,
      @Schema(
              description = "Days after the invoice date within which the discount applies",
              example = "10")
          @Min(0)
          @Max(365)
          Integer discountDays) {}
}
