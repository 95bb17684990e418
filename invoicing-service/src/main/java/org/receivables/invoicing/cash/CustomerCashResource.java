package org.receivables.invoicing.cash;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.cash.CashRequests.CreditApplicationRequest;
import org.receivables.invoicing.cash.CashViews.BalanceView;
import org.receivables.invoicing.cash.CashViews.CreditApplicationView;
import org.receivables.invoicing.cash.CashViews.CreditView;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.invoicing.payment.PaymentService;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** A customer's balance and the money on its account that pays no invoice yet. */
@Path("/api/v1/customers/{customerId}")
@Tag(name = "Cash application")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerCashResource {

  @Inject AccountCredits credits;
  @Inject TenantContext tenant;

  @GET
  @Path("balance")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "What the customer owes and holds, in its currency")
  @APIResponse(
      responseCode = "200",
      description = "The balance",
      content = @Content(schema = @Schema(implementation = BalanceView.class)))
  @APIResponse(responseCode = "404", description = "No such customer in this tenant (problem+json)")
  public BalanceView balance(@PathParam("customerId") UUID customerId) {
    AccountCredits.Balance b = credits.balance(tenant.tenantId(), customerId);
    return new BalanceView(
        b.currency(), b.openInvoices(), b.unappliedCash(), b.unappliedCredits(), b.balance());
  }

  @GET
  @Path("account-credits")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Unapplied cash and credits on the customer's account")
  @APIResponse(
      responseCode = "200",
      description = "{items: [...]}",
      content = @Content(schema = @Schema(implementation = CreditPage.class)))
  @APIResponse(responseCode = "404", description = "No such customer in this tenant (problem+json)")
  public CreditPage list(@PathParam("customerId") UUID customerId) {
    return new CreditPage(
        credits.list(tenant.tenantId(), customerId).stream().map(CreditView::of).toList());
  }

  @POST
  @Idempotent
  @Path("account-credits/{creditId}/applications")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.COLLECTOR})
  @Operation(
      summary = "Apply unapplied cash to an invoice",
      description = "A payment on the invoice (PaymentReceived), dated the day the cash came in.")
  @APIResponse(
      responseCode = "201",
      description = "Applied; Location names the payment",
      content = @Content(schema = @Schema(implementation = CreditApplicationView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "No such customer or credit in this tenant (problem+json)")
  @APIResponse(
      responseCode = "409",
      description = "The invoice is closed, or the Idempotency-Key is in use")
  @APIResponse(
      responseCode = "422",
      description = "More than the credit has left or the invoice owes, or Idempotency-Key reused")
  public Response apply(
      @PathParam("customerId") UUID customerId,
      @PathParam("creditId") UUID creditId,
      @NotNull @Valid CreditApplicationRequest request) {
    String tenantId = tenant.tenantId();
    PaymentService.Result r =
        credits.apply(tenantId, customerId, creditId, request.invoiceId(), request.amount());
    CreditView credit =
        credits.list(tenantId, customerId).stream()
            .filter(c -> c.id().equals(creditId))
            .map(CreditView::of)
            .findFirst()
            .orElseThrow();
    return Created.under("/api/v1/payments", r.payment().id)
        .entity(
            new CreditApplicationView(
                r.payment().id, request.invoiceId(), request.amount(), credit))
        .build();
  }

  /** The customer's credits (one page: a customer holds few). */
  @Schema(name = "AccountCreditPage")
  public record CreditPage(List<CreditView> items) {}
}
