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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.invoicing.cash.CashViews.EntryView;
import org.receivables.invoicing.cash.CashViews.StatementImportView;
import org.receivables.invoicing.cash.CashViews.StatementView;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.ContentTypes;
import org.receivables.kit.request.Created;
import org.receivables.kit.request.Prefer;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/**
 * Bank statements in: parsed, matched to invoices and applied (docs/cash-application.md), in the
 * request or, with {@code Prefer: respond-async}, by a background import.
 */
@Path("/api/v1/bank-statements")
@Tag(name = "Cash application")
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

  /** Where the asynchronous imports are read. */
  static final String IMPORTS = "/api/v1/bank-statements/imports";

  @Inject StatementImport imports;
  @Inject StatementImports asyncImports;
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
              + " XML with a DOCTYPE is refused. With the header Prefer: respond-async the"
              + " statement and its entries are recorded, then the answer is 202 with the Location"
              + " of its import, decided in the background: poll GET"
              + " /bank-statements/imports/{id} until its status is COMPLETED (then it carries the"
              + " statement's summary) or FAILED (send the statement again to resume it). The same"
              + " statement again is the same import.")
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
      responseCode = "202",
      description =
          "Prefer: respond-async: the statement is recorded and its import accepted; its entries"
              + " are decided in the background",
      headers = {
        @Header(
            name = "Location",
            description = "The import, to poll",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Preference-Applied",
            description = "respond-async",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = StatementImportView.class)))
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
      @Parameter(
              description =
                  "respond-async to have the statement decided in the background (202 and an"
                      + " import to poll); without it the answer waits for the whole statement")
          @HeaderParam("Prefer")
          String prefer,
      @Context UriInfo uri) {
    requireStatementType(contentType);
    if (Prefer.respondAsync(prefer)) {
      UUID id = asyncImports.accept(tenant.tenantId(), contentType, body);
      return Created.under(IMPORTS, id)
          .status(Response.Status.ACCEPTED)
          .header("Preference-Applied", Prefer.RESPOND_ASYNC)
          .entity(importView(id))
          .build();
    }
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
  @Path("imports/{id}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "Where an asynchronous statement import stands",
      description =
          "RUNNING with its progress, then COMPLETED with the statement's summary (what the"
              + " synchronous import answers), or FAILED with the reason")
  @APIResponse(
      responseCode = "200",
      description = "The import",
      content = @Content(schema = @Schema(implementation = StatementImportView.class)))
  @APIResponse(responseCode = "404", description = "No such import in this tenant (problem+json)")
  public StatementImportView importOf(@PathParam("id") UUID id) {
    return importView(id);
  }

  private StatementImportView importView(UUID id) {
    String tenantId = tenant.tenantId();
    StatementImports.ImportState state = asyncImports.get(tenantId, id);
    StatementView statement =
        state.status() == StatementImports.Status.COMPLETED
            ? StatementView.of(imports.summary(tenantId, state.statementId()))
            : null;
    return StatementImportView.of(state, statement);
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
