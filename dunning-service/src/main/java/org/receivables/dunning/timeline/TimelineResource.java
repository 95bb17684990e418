package org.receivables.dunning.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;

/** A customer's case file, and collectors' notes on it. */
@Path("/api/v1/dunning/customers/{customerId}")
@Tag(name = "Case timeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimelineResource {

  @Inject Timeline timeline;
  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;
  @Inject Replica replica;

  /** One event of the case. */
  @Schema(name = "TimelineEntry")
  public record Entry(
      UUID id,
      Instant at,
      @Schema(
              nullable = true,
              description = "The business date the event concerns, when it has one (else null)")
          LocalDate onDate,
      @Schema(example = "REMINDER_SENT") String kind,
      @Schema(example = "system") String actor,
      String summary,
      @Schema(
              nullable = true,
              description =
                  "Id of the reminder, task, promise, plan or dispute; null for an entry about"
                      + " none (e.g. a note)")
          String refId) {}

  /** A collector's note. */
  @Schema(name = "NoteRequest")
  public record NoteRequest(@NotBlank @Size(max = 4000) String text) {}

  @GET
  @Path("timeline")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Everything that happened in the customer's case, oldest first")
  @APIResponse(responseCode = "200", description = "The entries, oldest first")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  public Map<String, List<Entry>> list(@PathParam("customerId") UUID customerId) {
    requireKnown(customerId);
    return Map.of("items", timeline.entries(tenant.tenantId(), customerId.toString()));
  }

  @POST
  @Path("notes")
  @Transactional
  @RolesAllowed(Roles.COLLECTION_TEAM)
  @Operation(summary = "Add a note to the customer's case")
  @APIResponse(responseCode = "201", description = "Added")
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "404", description = "No such customer in this tenant")
  @Idempotent
  public Response note(
      @PathParam("customerId") UUID customerId, @NotNull @Valid NoteRequest request) {
    requireKnown(customerId);
    timeline.record(
        tenant.tenantId(),
        customerId.toString(),
        "NOTE",
        tenant.principal(),
        request.text(),
        null,
        calendar.today());
    return Response.status(201).build();
  }

  /** Another tenant's customer, or one never seen, is answered as if it did not exist. */
  private void requireKnown(UUID customerId) {
    String id = customerId.toString();
    if (!replica.customerKnown(tenant.tenantId(), id)) {
      throw ProblemException.notFound("Customer", customerId);
    }
  }
}
