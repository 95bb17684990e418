package org.receivables.invoicing.invoice;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.page.Page;
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
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;

  @POST
  @RolesAllowed({Roles.ERP, Roles.ADMIN})
  @Operation(
      summary = "Issue an invoice",
      description =
          "Totals are summed per VAT rate and VAT is rounded half-up once per rate (EN 16931)."
              + " Without dueDate, the due date follows the customer's payment terms.")
  @APIResponse(responseCode = "201", description = "Issued; Location names the invoice")
  @APIResponse(
      responseCode = "400",
      description = "Invalid request, or customerId names no customer of this tenant")
  @APIResponse(responseCode = "409", description = "number already used in this tenant")
  public Response issue(@NotNull @Valid InvoiceRequest request, @Context UriInfo uri) {
    Invoice invoice = invoices.issue(tenant.tenantId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(invoice.id.toString()).build())
        .tag(new EntityTag(Long.toString(invoice.version)))
        .entity(InvoiceView.of(invoice, calendar.today()))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ERP, Roles.ADMIN, Roles.VIEWER, Roles.COLLECTOR, Roles.CREDIT_MANAGER})
  @Operation(summary = "Read an invoice")
  @APIResponse(responseCode = "404", description = "No such invoice in this tenant")
  public Response get(@PathParam("id") UUID id) {
    Invoice invoice = invoices.get(tenant.tenantId(), id);
    return Response.ok(InvoiceView.of(invoice, calendar.today()))
        .tag(new EntityTag(Long.toString(invoice.version)))
        .build();
  }

  @GET
  @RolesAllowed({Roles.ERP, Roles.ADMIN, Roles.VIEWER, Roles.COLLECTOR, Roles.CREDIT_MANAGER})
  @Operation(summary = "List invoices by customer and status (keyset pagination)")
  public Page<InvoiceView> list(
      @QueryParam("customerId") UUID customerId,
      @QueryParam("status") InvoiceStatus status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    Page<Invoice> page = invoices.list(tenant.tenantId(), customerId, status, cursor, limit);
    LocalDate today = calendar.today();
    return new Page<>(
        page.items().stream().map(i -> InvoiceView.of(i, today)).toList(), page.nextCursor());
  }
}
