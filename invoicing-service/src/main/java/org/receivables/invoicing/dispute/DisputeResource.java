package org.receivables.invoicing.dispute;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Disputes on an invoice: while one is open, the invoice is {@code disputed}. */
@Path("/api/v1/invoices/{invoiceId}/disputes")
@Tag(name = "Disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisputeResource {

  @Inject DisputeService disputes;
  @Inject InvoiceService invoices;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed(Roles.WRITERS)
  @Operation(
      summary = "Open a dispute on an invoice",
      description =
          "The invoice becomes disputed (dunning pauses on it) until the dispute is resolved."
              + " Publishes DisputeOpened.")
  @APIResponse(
      responseCode = "201",
      description = "Opened; Location names the dispute",
      content = @Content(schema = @Schema(implementation = DisputeView.class)))
  @APIResponse(
      responseCode = "409",
      description = "A dispute is already open, or nothing is owed on the invoice")
  @APIResponse(responseCode = "422", description = "amount exceeds the outstanding amount")
  public Response openDispute(
      @PathParam("invoiceId") UUID invoiceId,
      @NotNull @Valid DisputeRequest request,
      @Context UriInfo uri) {
    String tenantId = tenant.tenantId();
    DisputeService.Result result = disputes.open(tenantId, invoiceId, request);
    return Created.at(
        uri,
        result.dispute().id,
        DisputeView.of(result.dispute(), result.invoice().currency, null));
  }

  @POST
  @Idempotent
  @Path("{disputeId}/resolution")
  @RolesAllowed(Roles.WRITERS)
  @Operation(
      summary = "Resolve a dispute",
      description =
          "REJECTED: the invoice is collected as before. ACCEPTED with CREDIT_NOTE: a credit note"
              + " is issued (CreditNoteIssued); ACCEPTED with CANCELLATION: the invoice is"
              + " cancelled (InvoiceCancelled; only without payments). Then DisputeResolved.")
  @APIResponse(
      responseCode = "200",
      description = "Resolved",
      content = @Content(schema = @Schema(implementation = DisputeView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such invoice or dispute in this tenant")
  @APIResponse(
      responseCode = "409",
      description =
          "Already resolved, the invoice cannot take the credit note or cancellation, credit"
              + " note number already used, or Idempotency-Key in use")
  @APIResponse(
      responseCode = "422",
      description = "creditAmount exceeds the outstanding amount, or Idempotency-Key reused")
  public Response resolveDispute(
      @PathParam("invoiceId") UUID invoiceId,
      @PathParam("disputeId") UUID disputeId,
      @NotNull @Valid ResolutionRequest request) {
    String tenantId = tenant.tenantId();
    DisputeService.Result r = disputes.resolve(tenantId, invoiceId, disputeId, request);
    return Response.ok(
            DisputeView.of(
                r.dispute(),
                r.invoice().currency,
                r.creditNote() == null ? null : r.creditNote().id))
        .build();
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The disputes of an invoice, oldest first")
  @APIResponse(responseCode = "200", description = "The disputes")
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  public List<DisputeView> listDisputes(@PathParam("invoiceId") UUID invoiceId) {
    String tenantId = tenant.tenantId();
    Invoice invoice = invoices.get(tenantId, invoiceId);
    return disputes.list(tenantId, invoiceId).stream()
        .map(d -> DisputeView.of(d, invoice.currency, disputes.creditNoteOf(d)))
        .toList();
  }

  @GET
  @Path("{disputeId}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Read a dispute")
  @APIResponse(
      responseCode = "200",
      description = "The dispute",
      content = @Content(schema = @Schema(implementation = DisputeView.class)))
  @APIResponse(responseCode = "404", description = "No such invoice or dispute in this tenant")
  public DisputeView getDispute(
      @PathParam("invoiceId") UUID invoiceId, @PathParam("disputeId") UUID disputeId) {
    String tenantId = tenant.tenantId();
    Invoice invoice = invoices.get(tenantId, invoiceId);
    return disputes.list(tenantId, invoiceId).stream()
        .filter(d -> d.id.equals(disputeId))
        .findFirst()
        .map(d -> DisputeView.of(d, invoice.currency, disputes.creditNoteOf(d)))
        .orElseThrow(
            () -> org.receivables.kit.problem.ProblemException.notFound("Dispute", disputeId));
  }
}
