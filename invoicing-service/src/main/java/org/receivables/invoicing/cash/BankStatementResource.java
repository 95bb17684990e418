package org.receivables.invoicing.cash;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.cash.CashViews.EntryView;
import org.receivables.invoicing.cash.CashViews.StatementView;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.ContentTypes;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Bank statements in: parsed, matched to invoices and applied (docs/cash-application.md). */
@Path("/api/v1/bank-statements")
@Tag(name = "Cash application")
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

  @Inject StatementImport imports;
  @Inject EntryViews views;
  @Inject TenantContext tenant;

  @POST
  // The statement is decided in short transactions of its own; this one only holds the
  // idempotency key while they run, so it may last as long as a large statement takes.
  @Transactional
  @TransactionConfiguration(timeout = StatementImport.IMPORT_TIMEOUT_SECONDS)
  @Idempotent
  // Any media type reaches the method, so that roles are checked first (403 before 415) and a wrong
  // type gets a problem+json 415 like every other refusal.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.LEDGER_WRITERS, Roles.COLLECTOR})
  @Operation(
      summary = "Import a bank statement",
      description =
          "ISO 20022 camt.053 (versions .02 to .13) or camt.054 as application/xml, CFONB 120 as"
              + " text/plain. Credits are matched to open invoices and applied when the matcher is"
              + " sure; debits are recorded and ignored; a returned transfer reverses the payments"
              + " of the entry it returns. The same statement again answers 200 with the same id;"
              + " entries already imported by an overlapping statement are not processed again."
              + " XML with a DOCTYPE is refused.")
  @RequestBody(
      content = {
        @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "201",
      description = "Imported; Location names the statement",
      content = @Content(schema = @Schema(implementation = StatementView.class)))
  @APIResponse(
      responseCode = "200",
      description = "This statement was imported before: the same statement, nothing applied again",
      content = @Content(schema = @Schema(implementation = StatementView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a statement this service reads, or hostile XML (problem+json)")
  @APIResponse(
      responseCode = "409",
      description = "An invoice changed while the statement was applied; send it again")
  @APIResponse(responseCode = "422", description = ApiDocs.IDEMPOTENCY_422)
  @APIResponse(responseCode = "415", description = "Neither XML nor text/plain (problem+json)")
  public Response importStatement(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body,
      @Context UriInfo uri) {
    requireStatementType(contentType);
    StatementImport.Imported imported =
        imports.importStatement(tenant.tenantId(), contentType, body);
    StatementView view = StatementView.of(imported.summary());
    return imported.created() ? Created.at(uri, view.id(), view) : Response.ok(view).build();
  }

  static void requireStatementType(String contentType) {
    ContentTypes.require(
        contentType,
        "send camt.053/camt.054 as application/xml or CFONB 120 as text/plain",
        MediaType.APPLICATION_XML_TYPE,
        MediaType.TEXT_XML_TYPE,
        MediaType.TEXT_PLAIN_TYPE);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "Read an imported statement's summary")
  @APIResponse(
      responseCode = "200",
      description = "The statement",
      content = @Content(schema = @Schema(implementation = StatementView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such statement in this tenant (problem+json)")
  public StatementView get(@PathParam("id") UUID id) {
    return StatementView.of(imports.summary(tenant.tenantId(), id));
  }

  @GET
  @Path("{id}/entries")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The statement's entries, in statement order, with candidates and reasons")
  @APIResponse(
      responseCode = "200",
      description = "{items: [...]}",
      content = @Content(schema = @Schema(implementation = EntryPage.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "No such statement in this tenant (problem+json)")
  public EntryPage entries(
      @PathParam("id") UUID id,
      @Schema(enumeration = {"MATCHED", "SUGGESTED", "UNMATCHED", "IGNORED"}) @QueryParam("status")
          String status) {
    EntryStatus wanted = null;
    if (status != null && !status.isEmpty()) {
      try {
        wanted = EntryStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(
            "status", "must be MATCHED, SUGGESTED, UNMATCHED or IGNORED");
      }
    }
    String tenantId = tenant.tenantId();
    return new EntryPage(
        imports.entries(tenantId, id, wanted).stream().map(e -> views.of(tenantId, e)).toList());
  }

  /** One page of entries (a statement's entries come in one page). */
  @Schema(name = "BankEntryPage")
  public record EntryPage(List<EntryView> items) {}
}
