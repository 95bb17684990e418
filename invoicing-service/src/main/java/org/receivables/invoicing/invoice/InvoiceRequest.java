package org.receivables.invoicing.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invoice as the ERP issued it. */
@Schema(name = "InvoiceRequest")
public record InvoiceRequest(
    @Schema(description = "The customer's id in this suite") @NotNull UUID customerId,
    @Schema(description = "Invoice number, unique per tenant", example = "F-2026-0001")
        @NotBlank
        @Size(max = 50)
        String number,
    @Schema(example = "2026-11-23") @NotNull LocalDate issueDate,
    @Schema(
            description = "Computed from the customer's payment terms when absent",
            example = "2026-12-23")
        LocalDate dueDate,
    @Schema(description = "ISO 4217; the customer's currency when absent", example = "EUR")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,
    @Schema(description = "At least one line") @NotEmpty @Size(max = 1000) @Valid
        List<@NotNull @Valid LineRequest> lines,
    @Schema(
            description =
                "The buyer's VAT identifier printed on the invoice (BT-48); required with a line of"
                    + " category K, or AE when the customer has no legalId; absent with O",
            example = "DE123456789")
        @Size(max = 40)
        @Pattern(
            regexp = "[A-Z]{2}[0-9A-Za-z+*.]{2,13}",
            message = "must be a VAT number such as DE123456789")
        String buyerVatId) {

  /** An invoice without the optional e-invoicing fields, as before them. */
  public InvoiceRequest(
      UUID customerId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      List<LineRequest> lines) {
    this(customerId, number, issueDate, dueDate, currency, lines, null);
  }

  /** One invoice line; {@code vatRate} is in percent. */
  @Schema(name = "InvoiceLineRequest")
  public record LineRequest(
      @Schema(example = "Croissants (box of 50)") @NotBlank @Size(max = 500) String description,
      @Schema(example = "3") @NotNull @Positive @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @Schema(example = "400.00") @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 6)
          BigDecimal unitPrice,
      @Schema(description = "VAT rate in percent", example = "20")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("100")
          @Digits(integer = 3, fraction = 4)
          BigDecimal vatRate,
      @Schema(
              description =
                  "EN 16931 VAT category (BT-151): S standard, Z zero-rated, E exempt, AE reverse"
                      + " charge, K intra-EU supply, G export, O not subject to VAT. Absent: S above"
                      + " 0 %, Z at 0 %. Every category but S takes a rate of 0",
              enumeration = {"S", "Z", "E", "AE", "K", "G", "O"},
              example = "S")
          String vatCategory,
      @Schema(
              description =
                  "Why the line bears no VAT (BT-120): required for E, optional for AE, K, G, O"
                      + " (the category's own wording when absent), refused for S and Z",
              example = "Exonération de TVA, article 261 C du CGI")
          @Size(max = 300)
          String vatExemptionReason) {

    /** A line whose category follows from its rate. */
    public LineRequest(
        String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
      this(description, quantity, unitPrice, vatRate, null, null);
    }
  }
}
