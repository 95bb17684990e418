package org.receivables.invoicing.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** The right to erasure (GDPR art. 17) of a customer's personal data, for tenant admins. */
@Path("/api/v1/customers/{id}/personal-data")
@Tag(name = "Customers")
public class PersonalDataResource {

  @Inject PersonalDataErasure erasure;
  @Inject TenantContext tenant;

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Erase a customer's personal data (GDPR art. 17)",
      description =
          "Replaces the customer's name by \"(erased)\" and removes its e-mail and phone here, and"
              + " publishes CustomerPersonalDataErased so that scoring, dunning and kpi erase"
              + " their copies within seconds (and InvoiceDocumentsErased, so that dunning"
              + " deletes its copies of the customer's invoice PDFs). The ledger stays: the customer keeps its id,"
              + " externalRef and legalId, and its invoices, payments and amounts are unchanged."
              + " Erasing again changes nothing. An update (PUT) may later store new contact"
              + " data. What each service keeps and why: docs/security.md, Personal data.")
  @APIResponse(
      responseCode = "204",
      description = "Erased (or already erased); personalDataErasedAt on the customer says when")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such customer in this tenant (problem+json)")
  public Response erasePersonalData(@PathParam("id") UUID id) {
    erasure.eraseOnRequest(tenant.tenantId(), id);
    return Response.noContent().build();
  }
}
