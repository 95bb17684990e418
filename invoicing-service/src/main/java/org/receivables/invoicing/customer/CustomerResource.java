package org.receivables.invoicing.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.invoicing.common.Params;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.page.Page;
import org.receivables.kit.request.Created;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Debtors: registered and updated by the ERP, read by everyone who works the ledger. */
@Path("/api/v1/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

  @Inject CustomerService customers;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(summary = "Register a customer (debtor)")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the customer, ETag its version",
      content = @Content(schema = @Schema(implementation = CustomerView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(
      responseCode = "409",
      description = "externalRef already used in this tenant, or the Idempotency-Key is in use")
  public Response registerCustomer(@NotNull @Valid CustomerRequest request, @Context UriInfo uri) {
    String tenantId = tenant.tenantId();
    Customer c = customers.register(tenantId, request);
    return Created.builder(uri, c.id).tag(etag(c)).entity(CustomerView.of(c)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Replace a customer's data (optimistic locking with If-Match)",
      description =
          "Send the whole customer as for registration, with If-Match set to the ETag you read."
              + " creditHold is not writable here: it follows scoring's decisions. Publishes"
              + " CustomerUpdated.")
  @APIResponse(
      responseCode = "200",
      description = "Updated; ETag is the new version",
      content = @Content(schema = @Schema(implementation = CustomerView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  @APIResponse(responseCode = "409", description = "externalRef already used by another customer")
  @APIResponse(
      responseCode = "412",
      description = "The customer changed since the If-Match version was read")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response updateCustomer(
      @PathParam("id") UUID id,
      @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag of the version you read, e.g. \"3\"")
          @HeaderParam("If-Match")
          String ifMatch,
      @NotNull @Valid CustomerRequest request) {
    long expected = Params.ifMatchVersion(ifMatch);
    Customer c = customers.update(tenant.tenantId(), id, expected, request);
    return Response.ok(CustomerView.of(c)).tag(etag(c)).build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Read a customer")
  @APIResponse(
      responseCode = "200",
      description = "The customer, with its ETag",
      content = @Content(schema = @Schema(implementation = CustomerView.class)))
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public Response getCustomer(@PathParam("id") UUID id) {
    Customer c = customers.get(tenant.tenantId(), id);
    return Response.ok(CustomerView.of(c)).tag(etag(c)).build();
  }

  @GET
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "List customers (keyset pagination)",
      description = "Filters combine with AND; externalRef finds the ERP's customer.")
  @APIResponse(responseCode = "200", description = "A page of customers")
  @APIResponse(responseCode = "400", description = "cursor or limit is invalid")
  public Page<CustomerView> listCustomers(
      @Parameter(description = "The ERP's reference of the customer") @QueryParam("externalRef")
          String externalRef,
      @Parameter(description = "Only this segment", example = "retail") @QueryParam("segment")
          String segment,
      @Parameter(description = "true: only customers on credit hold") @QueryParam("creditHold")
          String creditHold,
      @Parameter(description = "true: only customers flagged do-not-dun") @QueryParam("doNotDun")
          String doNotDun,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit) {
    var filter =
        new CustomerService.Filter(
            externalRef,
            segment,
            QueryParams.bool("creditHold", creditHold),
            QueryParams.bool("doNotDun", doNotDun));
    Page<Customer> page =
        customers.list(tenant.tenantId(), filter, cursor, QueryParams.integer("limit", limit));
    return new Page<>(page.items().stream().map(CustomerView::of).toList(), page.nextCursor());
  }

  private static EntityTag etag(Customer c) {
    return new EntityTag(Long.toString(c.version));
  }
}
