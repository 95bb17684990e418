package org.receivables.invoicing.creditnote;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.invoicing.einvoice.out.EInvoiceExport;
import org.receivables.invoicing.einvoice.out.Representations;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Credit notes against an invoice, in JSON or as EN 16931 e-invoices (CII, UBL, Factur-X). */
@Path("/api/v1/invoices/{invoiceId}/credit-notes")
@Tag(name = "Credit notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditNoteResource {

  @Inject CreditNoteService creditNotes;
  @Inject InvoiceService invoices;
  @Inject TenantContext tenant;
  @Inject EInvoiceExport export;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Issue a credit note against an invoice",
      description =
          "Lowers the outstanding amount, never below zero; a credit note that covers all that is"
              + " owed settles the invoice (PAID). Publishes CreditNoteIssued.")
  @APIResponse(
      responseCode = "201",
      description = "Issued",
      content = @Content(schema = @Schema(implementation = CreditNoteView.class)))
  @APIResponse(
      responseCode = "409",
      description = "Number already used, or invoice PAID/CANCELLED/WRITTEN_OFF")
  @APIResponse(responseCode = "422", description = "amount exceeds the outstanding amount")
  public Response issueCreditNote(
      @PathParam("invoiceId") UUID invoiceId,
      @NotNull @Valid CreditNoteRequest request,
      @Context UriInfo uri) {
    String tenantId = tenant.tenantId();
    CreditNote note = creditNotes.issue(tenantId, invoiceId, request);
    Invoice invoice = invoices.get(tenantId, invoiceId);
    return Created.at(uri, note.id, CreditNoteView.of(note, invoice, true));
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The credit notes of an invoice, oldest first")
  @APIResponse(responseCode = "200", description = "The credit notes")
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  public List<CreditNoteView> listCreditNotes(@PathParam("invoiceId") UUID invoiceId) {
    String tenantId = tenant.tenantId();
    Invoice invoice = invoices.get(tenantId, invoiceId);
    return creditNotes.list(tenantId, invoiceId).stream()
        .map(c -> CreditNoteView.of(c, invoice, false))
        .toList();
  }

  @GET
  @Path("{creditNoteId}")
  @RolesAllowed(Roles.ANYONE)
  @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, Representations.PDF})
  @Operation(
      summary = "Read a credit note",
      description =
          "JSON by default. With Accept: application/xml, the credit note as an EN 16931 e-invoice"
              + " (type code 381, naming the invoice it credits in BT-25): UN/CEFACT CII D16B, or"
              + " UBL 2.1 CreditNote with syntax=UBL; with Accept: application/pdf, a Factur-X"
              + " PDF/A-3 with that CII attached. See docs/e-invoicing.md.")
  @APIResponse(
      responseCode = "200",
      description = "The credit note",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreditNoteView.class)),
        @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = Representations.PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "404", description = "No such invoice or credit note in this tenant")
  @APIResponse(responseCode = "409", description = ApiDocs.NO_SELLER_409)
  public Response getCreditNote(
      @PathParam("invoiceId") UUID invoiceId,
      @PathParam("creditNoteId") UUID creditNoteId,
      @Parameter(
              description = "The XML syntax when Accept is application/xml: CII (default) or UBL",
              schema = @Schema(enumeration = {"CII", "UBL"}))
          @QueryParam("syntax")
          String syntax,
      @Context HttpHeaders headers) {
    String tenantId = tenant.tenantId();
    Optional<Response> document =
        Representations.document(
            headers,
            syntax,
            ubl -> export.creditNoteXml(tenantId, invoiceId, creditNoteId, ubl),
            () -> export.creditNoteFacturX(tenantId, invoiceId, creditNoteId));
    if (document.isPresent()) {
      return document.get();
    }
    Invoice invoice = invoices.get(tenantId, invoiceId);
    return Response.ok(
            creditNotes.list(tenantId, invoiceId).stream()
                .filter(c -> c.id.equals(creditNoteId))
                .findFirst()
                .map(c -> CreditNoteView.of(c, invoice, false))
                .orElseThrow(() -> ProblemException.notFound("Credit note", creditNoteId)))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
