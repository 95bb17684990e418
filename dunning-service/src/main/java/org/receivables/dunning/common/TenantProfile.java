package org.receivables.dunning.common;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the tenant's reminders come from, where to pay, and what an e-mail reminder attaches. */
@Schema(
    name = "CreditorProfile",
    description = "The creditor's details printed on reminders; a detail not set yet is null")
public record TenantProfile(
    @Schema(nullable = true, example = "Acme Industries SAS") @Size(max = 200) String creditorName,
    @Schema(nullable = true, example = "12 rue de la Paix, 75002 Paris") @Size(max = 500)
        String address,
    @Schema(nullable = true, example = "FR7630006000011234567890189")
        @Pattern(
            regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}",
            message = "must be an IBAN without spaces")
        String iban,
    @Schema(nullable = true, example = "AGRIFRPPXXX")
        @Pattern(
            regexp = "[A-Z0-9]{8}([A-Z0-9]{3})?",
            message = "must be a BIC of 8 or 11 characters")
        String bic,
    @Schema(nullable = true, example = "recouvrement@acme.fr") @Email @Size(max = 200)
        String contactEmail,
    @Schema(nullable = true, example = "+33 1 23 45 67 89") @Size(max = 40) String contactPhone,
    @Schema(
            nullable = true,
            description =
                "Whether e-mail reminders attach the PDF of each invoice they name (as invoicing"
                    + " published it); not set: true. An invoice whose PDF has not arrived is"
                    + " reminded without it.")
        Boolean attachInvoicePdf) {

  /** Whether e-mail reminders carry the invoices' PDFs: yes unless the tenant said no. */
  public boolean attachesInvoicePdf() {
    return !Boolean.FALSE.equals(attachInvoicePdf);
  }
}
