package org.receivables.invoicing.einvoice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/**
 * The e-invoice an invoice was created from, served byte for byte: the document is the legal
 * original, so it is never re-rendered from the ledger's data.
 */
@Path("/api/v1/invoices/{id}/document")
@Tag(name = "E-invoicing")
public class InvoiceDocumentResource {

  static final String PDF = "application/pdf";

  @Inject EInvoiceService service;
  @Inject InvoiceService invoices;
  @Inject TenantContext tenant;

  @GET
  @Produces({MediaType.APPLICATION_XML, PDF})
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The e-invoice an invoice was created from, byte for byte",
      description = "application/xml for UBL or CII, application/pdf for Factur-X.")
  @APIResponse(
      responseCode = "200",
      description = "The original document",
      content = {
        @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "404",
      description = "No such invoice in this tenant, or it was not created from an e-invoice")
  public Response invoiceDocument(@PathParam("id") UUID id) {
    String tenantId = tenant.tenantId();
    invoices.get(tenantId, id);
    EInvoiceDocument doc =
        service
            .sourceOf(tenantId, id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        404,
                        "Not Found",
                        "Invoice "
                            + id
                            + " was not created from an e-invoice; it has no document"));
    return Response.ok(doc.content, doc.mediaType).build();
  }
}
