package org.receivables.invoicing.invoice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.audit.AuditEntry;
import org.receivables.invoicing.audit.AuditTrail;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.invoicing.einvoice.out.EInvoiceExport;
import org.receivables.invoicing.einvoice.out.Representations;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.page.Page;
import org.receivables.kit.request.Created;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** Invoices: issued by the ERP, read by everyone who works the ledger. */
@Path("/api/v1/invoices")
@Tag(name = "Invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

  @Inject InvoiceService invoices;
  @Inject InvoiceListing listing;
  @Inject AuditTrail audit;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;
  @Inject EInvoiceExport export;

  static final String PDF = Representations.PDF;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Issue an invoice",
      description =
          "Totals are summed per VAT rate and VAT is rounded half-up once per rate (EN 16931)."
              + " Without dueDate, the due date follows the customer's payment terms; the"
              + " customer's early-payment discount, if any, is offered. Terms beyond the French"
              + " legal cap are accepted with a warning.")
  @APIResponse(
      responseCode = "201",
      description = "Issued; Location names the invoice",
      content = @Content(schema = @Schema(implementation = InvoiceView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid request, or customerId names no customer of this tenant")
  @APIResponse(
      responseCode = "409",
      description = "number already used in this tenant, or the Idempotency-Key is in use")
  public Response issueInvoice(@NotNull @Valid InvoiceRequest request, @Context UriInfo uri) {
    String tenantId = tenant.tenantId();
    Invoice invoice = invoices.issue(tenantId, request);
    return Created.builder(uri, invoice.id)
        .tag(etag(invoice))
        .entity(InvoiceView.of(invoice, calendar.today()))
        .build();
  }

  @GET
  @Path("{id}")
  @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, PDF})
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Read an invoice",
      description =
          "JSON by default. With Accept: application/xml, the invoice as UN/CEFACT CII D16B"
              + " (EN 16931), or UBL 2.1 Invoice with syntax=UBL; with Accept: application/pdf, a Factur-X PDF/A-3 (EN 16931 profile)"
              + " with that CII attached as factur-x.xml. Both name the tenant's configured"
              + " seller; docs/e-invoicing.md, Out.")
  @APIResponse(
      responseCode = "200",
      description = "The invoice, with its ETag",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvoiceView.class)),
        @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  @APIResponse(responseCode = "409", description = ApiDocs.NO_SELLER_409)
  public Response getInvoice(
      @PathParam("id") UUID id,
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
            ubl -> ubl ? export.ubl(tenantId, id) : export.cii(tenantId, id),
            () -> export.facturX(tenantId, id));
    if (document.isPresent()) {
      return document.get();
    }
    Invoice invoice = invoices.get(tenantId, id);
    return Response.ok(InvoiceView.of(invoice, calendar.today()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .tag(etag(invoice))
        .build();
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "List invoices (keyset pagination)",
      description =
          "Filters combine with AND. Pass nextCursor back as cursor for the next page; the order"
              + " is stable (by id), so pages neither skip nor repeat invoices.")
  @APIResponse(responseCode = "200", description = "A page of invoices")
  @APIResponse(responseCode = "400", description = "A filter, cursor or limit is invalid")
  public Page<InvoiceView> listInvoices(
      @Parameter(description = "Only this customer's invoices") @QueryParam("customerId")
          String customerId,
      @Parameter(
              description =
                  "OPEN, PARTIALLY_PAID, PAID, CANCELLED or WRITTEN_OFF, in any letter case",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("status")
          String status,
      @Parameter(
              description =
                  "Only invoices overdue as of this date (still owed, due date before it)",
              example = "2026-12-31")
          @QueryParam("overdueAsOf")
          String overdueAsOf,
      @Parameter(description = "Due on or after this date", example = "2026-12-01")
          @QueryParam("dueFrom")
          String dueFrom,
      @Parameter(description = "Due on or before this date", example = "2026-12-31")
          @QueryParam("dueTo")
          String dueTo,
      @Parameter(description = "true: only disputed invoices; false: only undisputed")
          @QueryParam("disputed")
          String disputed,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit) {
    var filter =
        new InvoiceListing.Filter(
            QueryParams.uuid("customerId", customerId),
            QueryParams.enumValue("status", status, InvoiceStatus.class),
            QueryParams.date("overdueAsOf", overdueAsOf),
            QueryParams.date("dueFrom", dueFrom),
            QueryParams.date("dueTo", dueTo),
            QueryParams.bool("disputed", disputed));
    Page<Invoice> page =
        listing.list(tenant.tenantId(), filter, cursor, QueryParams.integer("limit", limit));
    LocalDate today = calendar.today();
    return new Page<>(
        page.items().stream().map(i -> InvoiceView.of(i, today)).toList(), page.nextCursor());
  }

  @POST
  @Idempotent
  @Path("{id}/cancellation")
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Cancel an invoice",
      description =
          "Only an OPEN invoice without payments and without an open dispute; once paid,"
              + " issue a credit note instead. Publishes InvoiceCancelled.")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled",
      content = @Content(schema = @Schema(implementation = InvoiceView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  @APIResponse(
      responseCode = "409",
      description = "Has payments, is not OPEN, or has an open dispute (problem+json)")
  public Response cancelInvoice(@PathParam("id") UUID id, @NotNull @Valid CloseRequest request) {
    String tenantId = tenant.tenantId();
    return ok(invoices.cancel(tenantId, id, request));
  }

  @POST
  @Idempotent
  @Path("{id}/write-off")
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.CREDIT_MANAGER})
  @Operation(
      summary = "Write off the remainder of an invoice as a loss",
      description =
          "The outstanding amount becomes the written-off amount and the invoice WRITTEN_OFF."
              + " Publishes InvoiceWrittenOff.")
  @APIResponse(
      responseCode = "200",
      description = "Written off",
      content = @Content(schema = @Schema(implementation = InvoiceView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  @APIResponse(
      responseCode = "409",
      description = "Nothing is owed (PAID, CANCELLED, WRITTEN_OFF) or a dispute is open")
  public Response writeOffInvoice(@PathParam("id") UUID id, @NotNull @Valid CloseRequest request) {
    String tenantId = tenant.tenantId();
    return ok(invoices.writeOff(tenantId, id, request));
  }

  @PUT
  @Path("{id}/due-date")
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.COLLECTOR})
  @Operation(
      summary = "Move an invoice's due date",
      description =
          "For an agreed extension. Publishes InvoiceDueDateChanged (nothing when unchanged).")
  @APIResponse(
      responseCode = "200",
      description = "The invoice with its new due date",
      content = @Content(schema = @Schema(implementation = InvoiceView.class)))
  @APIResponse(responseCode = "400", description = "dueDate missing or before the issue date")
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  @APIResponse(responseCode = "409", description = "Nothing is owed on the invoice any more")
  @Transactional
  public Response changeDueDate(@PathParam("id") UUID id, @NotNull @Valid DueDateRequest request) {
    return ok(invoices.changeDueDate(tenant.tenantId(), id, request));
  }

  @GET
  @Path("{id}/audit")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The invoice's audit trail: who did what, when (oldest first, keyset pages)")
  @APIResponse(responseCode = "200", description = "A page of audit entries")
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  public Page<AuditEntry> invoiceAudit(
      @PathParam("id") UUID id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    String tenantId = tenant.tenantId();
    invoices.get(tenantId, id);
    return audit.list(tenantId, id, cursor, QueryParams.integer("limit", limit));
  }

  private Response ok(Invoice invoice) {
    return Response.ok(InvoiceView.of(invoice, calendar.today())).tag(etag(invoice)).build();
  }

  static EntityTag etag(Invoice invoice) {
    return new EntityTag(Long.toString(invoice.version));
  }
}
