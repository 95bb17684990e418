package org.receivables.invoicing.einvoice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.creditnote.CreditNote;
import org.receivables.invoicing.creditnote.CreditNoteView;
import org.receivables.invoicing.einvoice.read.Intake;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.invoicing.invoice.InvoiceView;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.request.ContentTypes;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** EN 16931 e-invoices in: UBL 2.1, CII D16B and Factur-X. */
@Path("/api/v1/e-invoices")
@Tag(name = "E-invoicing")
public class EInvoiceResource {

  static final String PDF = "application/pdf";

  @Inject Intake intake;
  @Inject EInvoiceService service;
  @Inject InvoiceService invoices;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;

  @POST
  // Any media type reaches the method, so that roles are checked first and a wrong type gets the
  // same problem+json 415 as every refusal; the syntax itself is read from the content.
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Receive an EN 16931 e-invoice (UBL 2.1, CII D16B or Factur-X PDF)",
      description =
          "The syntax is read from the content. The document is validated with the official CEN"
              + " EN 16931 schema and Schematron, then becomes an invoice (or a credit note of the"
              + " invoice it names in BT-25, or an unapplied credit on the buyer's account when the"
              + " tenant has no such invoice) with the document's own figures; its bytes are kept."
              + " Idempotent by seller and number: the same bytes again answer 200 with the same"
              + " resource. See docs/e-invoicing.md.")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_XML,
            schema = @Schema(type = SchemaType.STRING, description = "UBL 2.1 or CII D16B XML")),
        @Content(
            mediaType = MediaType.TEXT_XML,
            schema = @Schema(type = SchemaType.STRING, description = "UBL 2.1 or CII D16B XML")),
        @Content(
            mediaType = PDF,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    format = "binary",
                    description = "Factur-X / ZUGFeRD 2.x PDF"))
      })
  @APIResponse(
      responseCode = "201",
      description =
          "Recorded; Location is the invoice, the credit note, or (a credit note naming no known"
              + " invoice) the buyer's account credits",
      content = @Content(schema = @Schema(implementation = EInvoiceView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The same document was received before: what it became",
      content = @Content(schema = @Schema(implementation = EInvoiceView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not XML, not an EN 16931 invoice, a DTD or entity declaration, not a PDF",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = EInvoiceProblem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "This seller's document number was received with other content, or the invoice number"
              + " is already used")
  @APIResponse(
      responseCode = "413",
      description = "The document is larger than accepted",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = EInvoiceProblem.class)))
  @APIResponse(
      responseCode = "415",
      description = "Not application/xml, text/xml or application/pdf")
  @APIResponse(
      responseCode = "422",
      description = "Broken EN 16931 rules (then the suite's, SUITE-*), one error per rule",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = EInvoiceProblem.class)))
  public Response receiveEInvoice(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
    String tenantId = tenant.tenantId();
    requireDocumentType(headers.getMediaType());
    Intake.Received received = intake.receive(body);
    EInvoiceService.Outcome outcome = service.record(tenantId, received);
    EInvoiceView view = view(tenantId, outcome, received);
    if (outcome.replayed()) {
      return Response.ok(view).build();
    }
    EInvoiceDocument doc = outcome.document();
    if (doc.accountCreditId != null) {
      // no resource of its own: the customer's list of account credits holds it
      return Response.status(Response.Status.CREATED)
          .location(java.net.URI.create("/api/v1/customers/" + doc.customerId + "/account-credits"))
          .entity(view)
          .build();
    }
    String location =
        doc.kind == EInvoiceDocument.Kind.INVOICE
            ? "/api/v1/invoices"
            : "/api/v1/invoices/" + doc.invoiceId + "/credit-notes";
    return Created.under(
            location, doc.kind == EInvoiceDocument.Kind.INVOICE ? doc.invoiceId : doc.creditNoteId)
        .entity(view)
        .build();
  }

  static void requireDocumentType(MediaType type) {
    if (!ContentTypes.isOneOf(
        type,
        MediaType.APPLICATION_XML_TYPE,
        MediaType.TEXT_XML_TYPE,
        MediaType.valueOf(PDF),
        MediaType.APPLICATION_OCTET_STREAM_TYPE)) {
      throw new EInvoiceRejection(
          415,
          "Unsupported Media Type",
          "send the document as application/xml (UBL, CII) or application/pdf (Factur-X), not "
              + (type == null ? "without a Content-Type" : type.toString()),
          List.of());
    }
  }

  private EInvoiceView view(
      String tenantId, EInvoiceService.Outcome outcome, Intake.Received received) {
    EInvoiceDocument doc = outcome.document();
    List<EInvoiceView.Warning> warnings = new ArrayList<>();
    received
        .warnings()
        .forEach(w -> warnings.add(new EInvoiceView.Warning(w.rule(), w.message(), w.location())));
    DocumentFacts facts = service.factsOf(doc);
    if (doc.accountCreditId != null) {
      return new EInvoiceView(
          doc.kind.name(), null, null, service.accountCreditOf(doc), facts, warnings);
    }
    // an invoice just issued is answered as written: reading it back would bind a connection to
    // the tenant, read the invoice and its lines and reset the connection, four round trips
    Invoice invoice =
        outcome.issued() != null ? outcome.issued() : invoices.get(tenantId, doc.invoiceId);
    if (doc.kind == EInvoiceDocument.Kind.INVOICE) {
      if (invoice.termsWarning != null) {
        warnings.add(new EInvoiceView.Warning("SUITE-TERMS", invoice.termsWarning, "BT-9"));
      }
      return new EInvoiceView(
          doc.kind.name(), InvoiceView.of(invoice, calendar.today()), null, null, facts, warnings);
    }
    CreditNote note = CreditNote.findById(doc.creditNoteId);
    return new EInvoiceView(
        doc.kind.name(), null, CreditNoteView.of(note, invoice, true), null, facts, warnings);
  }
}
