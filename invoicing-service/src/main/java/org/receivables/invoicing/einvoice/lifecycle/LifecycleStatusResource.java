package org.receivables.invoicing.einvoice.lifecycle;

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
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** The French e-invoicing lifecycle statuses of an invoice, as its platform reports them. */
@Path("/api/v1/invoices/{invoiceId}/lifecycle-statuses")
@Tag(name = "E-invoicing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifecycleStatusResource {

  @Inject LifecycleStatusService statuses;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Record a lifecycle status a platform reported (French e-invoicing reform)",
      description =
          "Codes 200 to 213 of the reform, by name or code. IN_DISPUTE opens a dispute; REFUSED"
              + " cancels the invoice or opens a dispute, as configured for the tenant; other"
              + " statuses are recorded only. PAID (212, encaissée) is emitted by the ledger on"
              + " full payment. Each status publishes InvoiceLifecycleStatusRecorded and enters"
              + " the invoice's audit trail. See docs/e-invoicing.md.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names the status",
      content = @Content(schema = @Schema(implementation = LifecycleStatusView.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The lifecycle already ended (REFUSED, REJECTED, PAID), or the invoice cannot be"
              + " disputed")
  @APIResponse(responseCode = "422", description = "PAID is the ledger's own status")
  public Response recordLifecycleStatus(
      @PathParam("invoiceId") UUID invoiceId,
      @NotNull @Valid LifecycleStatusRequest request,
      @Context UriInfo uri) {
    LifecycleStatusEntry e = statuses.record(tenant.tenantId(), invoiceId, request);
    return Created.at(uri, e.id, LifecycleStatusView.of(e));
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The invoice's lifecycle statuses, oldest first")
  @APIResponse(responseCode = "200", description = "The statuses")
  @APIResponse(responseCode = "404", description = ApiDocs.INVOICE_404)
  public List<LifecycleStatusView> listLifecycleStatuses(@PathParam("invoiceId") UUID invoiceId) {
    return statuses.list(tenant.tenantId(), invoiceId).stream()
        .map(LifecycleStatusView::of)
        .toList();
  }

  @GET
  @Path("{statusId}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Read one lifecycle status of the invoice")
  @APIResponse(
      responseCode = "200",
      description = "The status",
      content = @Content(schema = @Schema(implementation = LifecycleStatusView.class)))
  @APIResponse(responseCode = "404", description = "No such invoice or status in this tenant")
  public LifecycleStatusView getLifecycleStatus(
      @PathParam("invoiceId") UUID invoiceId, @PathParam("statusId") UUID statusId) {
    return statuses.list(tenant.tenantId(), invoiceId).stream()
        .filter(e -> e.id.equals(statusId))
        .findFirst()
        .map(LifecycleStatusView::of)
        .orElseThrow(() -> ProblemException.notFound("Lifecycle status", statusId));
  }
}
