package org.receivables.invoicing.batch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Bulk import of invoices for ERPs. */
@Path("/api/v1/invoices/batch")
@Tag(name = "Invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BatchResource {

  @Inject BatchImport batches;
  @Inject TenantContext tenant;

  @POST
  @Idempotent
  @RolesAllowed(Roles.LEDGER_WRITERS)
  @Operation(
      summary = "Issue up to 1,000 invoices in one request",
      description =
          "Each invoice is validated on its own, with the same rules as POST /api/v1/invoices."
              + " ALL_OR_NOTHING: 201 when all were issued, else 422 whose errors name"
              + " invoices[i].field and nothing is issued. PER_ITEM: 200 with a result per"
              + " invoice (CREATED with its id, or REJECTED with its errors). Each issued invoice"
              + " publishes InvoiceIssued. A body that is not valid JSON, or more than 1,000"
              + " invoices, is a 400 for the whole batch.")
  @APIResponse(
      responseCode = "201",
      description = "ALL_OR_NOTHING: every invoice issued",
      content = @Content(schema = @Schema(implementation = BatchResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "PER_ITEM: the result of each invoice",
      content = @Content(schema = @Schema(implementation = BatchResult.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(
      responseCode = "409",
      description =
          "An invoice number was issued concurrently by another request (nothing imported), or"
              + " the Idempotency-Key is in use")
  @APIResponse(
      responseCode = "422",
      description =
          "ALL_OR_NOTHING with at least one invalid invoice (errors name invoices[i].field), or"
              + " Idempotency-Key reused")
  public Response importBatch(@NotNull @Valid BatchRequest request) {
    String tenantId = tenant.tenantId();
    BatchResult result = batches.run(tenantId, request);
    return Response.status(request.modeOrDefault() == BatchRequest.Mode.ALL_OR_NOTHING ? 201 : 200)
        .entity(result)
        .build();
  }
}
