package org.receivables.invoicing.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Payments received for one invoice. */
@Path("/api/v1/invoices/{invoiceId}/payments")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoicePaymentResource {

  @Inject PaymentService payments;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Record a payment on an invoice",
      description =
          "Partial or full. Within the early-payment discount window, a payment of at least the"
              + " outstanding amount minus the discount settles the invoice (the difference is"
              + " granted as discount). Concurrent payments on one invoice are serialised: the"
              + " invoice can never be over-paid.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names the payment",
      content = @Content(schema = @Schema(implementation = PaymentView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  @APIResponse(
      responseCode = "409",
      description =
          "The invoice is PAID, CANCELLED or WRITTEN_OFF, or the Idempotency-Key is in use")
  @APIResponse(
      responseCode = "422",
      description = "amount exceeds the outstanding amount, or Idempotency-Key reused")
  public Response payInvoice(
      @PathParam("invoiceId") UUID invoiceId, @NotNull @Valid PaymentRequest request) {
    String tenantId = tenant.tenantId();
    PaymentService.Result result = payments.payInvoice(tenantId, invoiceId, request);
    return Created.under("/api/v1/payments", result.payment().id)
        .entity(PaymentView.of(result.payment(), result.invoices()))
        .build();
  }
}
