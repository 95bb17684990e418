package org.receivables.invoicing.cash;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.cash.CashRequests.MatchRequest;
import org.receivables.invoicing.cash.CashRequests.UnmatchRequest;
import org.receivables.invoicing.cash.CashViews.EntryView;
import org.receivables.invoicing.cash.match.AmountEvidence.Allocation;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** A collector's decisions on bank entries: match, split over customers, unmatch. */
@Path("/api/v1/bank-statement-entries/{id}")
@Tag(name = "Cash application")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BankEntryResource {

  @Inject EntryApplication application;
  @Inject EntryViews views;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @Path("match")
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.COLLECTOR})
  @Operation(
      summary = "Apply an entry to invoices of one customer",
      description =
          "Payments are recorded as by POST /payments; what the transfer pays beyond the"
              + " allocations stays on the customer's account. The payer's IBAN is learnt for"
              + " later matches.")
  @APIResponse(
      responseCode = "200",
      description = "Applied",
      content = @Content(schema = @Schema(implementation = EntryView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such entry in this tenant (problem+json)")
  @APIResponse(
      responseCode = "409",
      description =
          "Already applied, not an incoming transfer, an invoice closed, or the Idempotency-Key is in use")
  @APIResponse(
      responseCode = "422",
      description =
          "Allocations exceed the transfer or an invoice's outstanding, or Idempotency-Key reused")
  public Response match(@PathParam("id") UUID id, @NotNull @Valid MatchRequest request) {
    return decide(id, request, false);
  }

  @POST
  @Idempotent
  @Path("split")
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.COLLECTOR})
  @Operation(
      summary = "Apply an entry to invoices of several customers",
      description =
          "One payment per customer; customerId names whose account keeps what is left, if"
              + " anything is.")
  @APIResponse(
      responseCode = "200",
      description = "Applied",
      content = @Content(schema = @Schema(implementation = EntryView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such entry in this tenant (problem+json)")
  @APIResponse(
      responseCode = "409",
      description =
          "Already applied, not an incoming transfer, an invoice closed, or the Idempotency-Key is in use")
  @APIResponse(
      responseCode = "422",
      description =
          "Allocations exceed the transfer or an invoice's outstanding, or Idempotency-Key reused")
  public Response split(@PathParam("id") UUID id, @NotNull @Valid MatchRequest request) {
    return decide(id, request, true);
  }

  @POST
  @Idempotent
  @Path("unmatch")
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.COLLECTOR})
  @Operation(
      summary = "Undo an applied entry",
      description =
          "Its payments are reversed (PaymentReversed events) and the cash it left on account is"
              + " withdrawn; the entry is UNMATCHED again.")
  @APIResponse(
      responseCode = "200",
      description = "Undone",
      content = @Content(schema = @Schema(implementation = EntryView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such entry in this tenant (problem+json)")
  @APIResponse(
      responseCode = "409",
      description =
          "Not applied, its cash on account was used since, or the Idempotency-Key is in use")
  @APIResponse(responseCode = "422", description = ApiDocs.IDEMPOTENCY_422)
  public Response unmatch(@PathParam("id") UUID id, @NotNull @Valid UnmatchRequest request) {
    String tenantId = tenant.tenantId();
    return Response.ok(views.of(tenantId, application.unmatch(tenantId, id, request.reason())))
        .build();
  }

  private Response decide(UUID id, MatchRequest request, boolean split) {
    String tenantId = tenant.tenantId();
    List<Allocation> allocations =
        request.allocations().stream().map(a -> new Allocation(a.invoiceId(), a.amount())).toList();
    return Response.ok(
            views.of(
                tenantId,
                application.matchManually(tenantId, id, allocations, request.customerId(), split)))
        .build();
  }
}
