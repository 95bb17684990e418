package org.receivables.invoicing.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** Bank payments spread over invoices, and their reversal. */
@Path("/api/v1/payments")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

  @Inject PaymentService payments;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Record one bank payment allocated across invoices of one customer",
      description =
          "All allocations are applied or none: any unknown invoice, other customer's invoice,"
              + " other currency, closed invoice or allocation above an invoice's outstanding"
              + " amount rejects the whole payment. amount must equal the sum of the allocations."
              + " One PaymentReceived event is published per invoice.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names the payment",
      content = @Content(schema = @Schema(implementation = PaymentView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "409", description = ApiDocs.IDEMPOTENCY_409)
  @APIResponse(responseCode = "422", description = ApiDocs.IDEMPOTENCY_422)
  public Response receivePayment(
      @NotNull @Valid AllocatedPaymentRequest request, @Context UriInfo uri) {
    String tenantId = tenant.tenantId();
    PaymentService.Result result = payments.payAllocated(tenantId, request);
    return Created.at(
        uri, result.payment().id, PaymentView.of(result.payment(), result.invoices()));
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Read a payment and its allocations")
  @APIResponse(
      responseCode = "200",
      description = "The payment",
      content = @Content(schema = @Schema(implementation = PaymentView.class)))
  @APIResponse(responseCode = "404", description = "No such payment in this tenant")
  public PaymentView getPayment(@PathParam("id") UUID id) {
    PaymentService.Result result = payments.get(tenant.tenantId(), id);
    return PaymentView.of(result.payment(), result.invoices());
  }

  @POST
  @Idempotent
  @Path("{id}/reversal")
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Reverse a payment (bounced transfer)",
      description =
          "Every invoice the payment was applied to owes that money again (and loses any"
              + " early-payment discount it earned); PAID invoices reopen. One PaymentReversed"
              + " event per invoice.")
  @APIResponse(
      responseCode = "200",
      description = "Reversed",
      content = @Content(schema = @Schema(implementation = PaymentView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such payment in this tenant")
  @APIResponse(
      responseCode = "409",
      description = "Already reversed, or an invoice it paid was written off since")
  public Response reversePayment(
      @PathParam("id") UUID id, @NotNull @Valid ReversalRequest request) {
    String tenantId = tenant.tenantId();
    PaymentService.Result result = payments.reverse(tenantId, id, request);
    return Response.ok(PaymentView.of(result.payment(), result.invoices())).build();
  }
}
