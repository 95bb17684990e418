package org.receivables.invoicing.batch;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.invoicing.invoice.InvoiceRequest;

/** Up to 1,000 invoices from an ERP, each validated on its own. */
@Schema(name = "InvoiceBatchRequest")
public record BatchRequest(
    @Schema(
            description =
                "ALL_OR_NOTHING (default): one invalid invoice rejects the batch (422) and none"
                    + " is issued. PER_ITEM: valid invoices are issued, invalid ones reported.")
        Mode mode,
    @Schema(description = "1 to 1,000 invoices, same shape as POST /api/v1/invoices")
        @NotNull
        @Size(min = 1, max = 1000)
        List<InvoiceRequest> invoices) {

  /** How a batch with invalid invoices is handled. */
  public enum Mode {
    ALL_OR_NOTHING,
    PER_ITEM
  }

  public Mode modeOrDefault() {
    return mode == null ? Mode.ALL_OR_NOTHING : mode;
  }
}
