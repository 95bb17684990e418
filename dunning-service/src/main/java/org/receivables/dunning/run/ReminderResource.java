package org.receivables.dunning.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.dunning.common.Params;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Reminders sent (or failed), their rendered content and letters. */
@Path("/api/v1/dunning/reminders")
@Tag(name = "Dunning reminders")
public class ReminderResource {

  @Inject RunQueries store;
  @Inject RunService runs;
  @Inject TenantContext tenant;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Reminders, oldest first; filter by customer, invoice or status")
  @APIResponse(responseCode = "200", description = "A page of reminders")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Page<ReminderView> list(
      @QueryParam("customerId") String customerId,
      @QueryParam("invoiceId") String invoiceId,
      @Parameter(description = "PENDING, SENDING, SENT or FAILED") @QueryParam("status")
          String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    String t = tenant.tenantId();
    int n = Cursor.limit(limit);
    String c = Params.ref("customerId", customerId, false);
    String i = Params.ref("invoiceId", invoiceId, false);
    if (status != null && !status.matches("PENDING|SENDING|SENT|FAILED")) {
      throw ProblemException.invalid("status", "must be one of PENDING, SENDING, SENT, FAILED");
    }
    StringBuilder where = new StringBuilder();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (c != null) {
      where.append(" and r.customer_id = :cust");
      params.put("cust", c);
    }
    if (status != null) {
      where.append(" and r.status = :status");
      params.put("status", status);
    }
    if (i != null) {
      where.append(
          " and exists (select 1 from reminder_invoice ri where ri.reminder_id = r.id and ri.invoice_id = :inv)");
      params.put("inv", i);
    }
    return store.query(t, where.toString(), params, cursor, n);
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "One reminder")
  @APIResponse(
      responseCode = "200",
      description = "The reminder",
      content = @Content(schema = @Schema(implementation = ReminderView.class)))
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public ReminderView get(@PathParam("id") UUID id) {
    return store.get(tenant.tenantId(), id);
  }

  @GET
  @Path("{id}/content")
  @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "The message exactly as rendered: HTML for e-mail, text for SMS and letters")
  @APIResponse(responseCode = "200", description = "The rendered message")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public Response content(@PathParam("id") UUID id) {
    RunQueries.Content r = store.content(tenant.tenantId(), id);
    String type =
        "EMAIL".equals(r.channel()) ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8";
    return Response.ok(r.text()).type(type).build();
  }

  @GET
  @Path("{id}/letter.pdf")
  @Produces("application/pdf")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "The letter of a LETTER reminder, as PDF")
  @APIResponse(responseCode = "200", description = "The PDF")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = "No such reminder, or it is not a letter")
  public Response letter(@PathParam("id") UUID reminderId) {
    RunQueries.Content r = store.content(tenant.tenantId(), reminderId);
    byte[] pdf = r.document();
    if (!"LETTER".equals(r.channel()) || pdf == null || pdf.length == 0) {
      throw ProblemException.notFound("Letter of reminder", reminderId);
    }
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"reminder-" + reminderId + ".pdf\"")
        .build();
  }

  @POST
  @Path("{id}/retry")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.COLLECTORS)
  @Operation(summary = "Try a FAILED reminder again now")
  @APIResponse(
      responseCode = "200",
      description = "The reminder after the attempt",
      content = @Content(schema = @Schema(implementation = ReminderView.class)))
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "The reminder is not FAILED")
  public ReminderView retry(@PathParam("id") UUID reminderId) {
    ReminderView before = store.get(tenant.tenantId(), reminderId);
    if (!"FAILED".equals(before.status())) {
      throw ProblemException.conflict(
          "Reminder " + reminderId + " is " + before.status() + ", not FAILED");
    }
    runs.retryNow(reminderId);
    return store.get(tenant.tenantId(), reminderId);
  }
}
