package org.receivables.invoicing.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kit.problem.Problem;

/** What happened to each invoice of a batch, in request order. */
@Schema(name = "InvoiceBatchResult")
public record BatchResult(
    BatchRequest.Mode mode,
    @Schema(description = "Invoices issued", example = "998") int created,
    @Schema(description = "Invoices rejected", example = "2") int rejected,
    List<Item> items) {

  /** The fate of one invoice. */
  @Schema(name = "InvoiceBatchItem")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      @Schema(description = "Position in the request, from 0", example = "0") int index,
      @Schema(example = "F-2026-0001") String number,
      @Schema(description = "CREATED or REJECTED") Outcome outcome,
      @Schema(description = "The new invoice's id when CREATED") UUID invoiceId,
      @Schema(
              description =
                  "Status a single POST would have answered: 201, or 400/409 when rejected",
              example = "201")
          int status,
      @Schema(description = "Why it was rejected; fields relative to the invoice")
          List<Problem.FieldError> errors) {}

  /** Whether an invoice was issued. */
  public enum Outcome {
    CREATED,
    REJECTED
  }
}
