package org.receivables.invoicing.invoice;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new due date agreed with the customer. */
@Schema(name = "DueDateRequest")
public record DueDateRequest(
    @Schema(description = "New due date; not before the issue date", example = "2027-01-15")
        @NotNull
        LocalDate dueDate,
    @Schema(description = "Why it moved", example = "Extension agreed by phone") @Size(max = 500)
        String reason) {}
