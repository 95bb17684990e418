package org.receivables.invoicing.customer;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.page.Page;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Debtors: registered by the ERP, read by everyone who works the ledger. */
@Path("/api/v1/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

  @Inject CustomerService customers;
  @Inject TenantContext tenant;

  @POST
  @RolesAllowed({Roles.ERP, Roles.ADMIN})
  @Operation(summary = "Register a customer (debtor)")
  @APIResponse(responseCode = "201", description = "Registered; Location names the customer")
  @APIResponse(responseCode = "400", description = "Invalid request (problem+json)")
  @APIResponse(responseCode = "409", description = "externalRef already used in this tenant")
  public Response register(
      @NotNull @Valid CustomerRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
    Customer c = customers.register(tenant.tenantId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
        .tag(etag(c))
        .entity(CustomerView.of(c))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ERP, Roles.ADMIN, Roles.VIEWER, Roles.COLLECTOR, Roles.CREDIT_MANAGER})
  @Operation(summary = "Read a customer")
  @APIResponse(responseCode = "200", description = "The customer, with its ETag")
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public Response get(@PathParam("id") UUID id) {
    Customer c = customers.get(tenant.tenantId(), id);
    return Response.ok(CustomerView.of(c)).tag(etag(c)).build();
  }

  @GET
  @RolesAllowed({Roles.ERP, Roles.ADMIN, Roles.VIEWER, Roles.COLLECTOR, Roles.CREDIT_MANAGER})
  @Operation(summary = "List customers, optionally by externalRef (keyset pagination)")
  public Page<CustomerView> list(
      @QueryParam("externalRef") String externalRef,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    Page<Customer> page = customers.list(tenant.tenantId(), externalRef, cursor, limit);
    return new Page<>(page.items().stream().map(CustomerView::of).toList(), page.nextCursor());
  }

  private static EntityTag etag(Customer c) {
    return new EntityTag(Long.toString(c.version));
  }
}
