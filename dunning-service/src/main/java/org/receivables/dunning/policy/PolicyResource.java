package org.receivables.dunning.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.dunning.common.ApiDocs;
import org.receivables.kit.idempotency.Idempotent;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.Created;
import org.receivables.kit.tenant.Roles;
import org.receivables.kit.tenant.TenantContext;

/** Dunning policies: the ladders a tenant's customers are chased with. */
@Path("/api/v1/dunning/policies")
@Tag(name = "Dunning policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

  @Inject PolicyService policies;
  @Inject TenantContext tenant;

  @GET
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "The tenant's current policies (the default French ladders included)")
  @APIResponse(responseCode = "200", description = "Current version of every policy in use")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  public Map<String, List<PolicyView>> list() {
    return Map.of("items", policies.current(tenant.tenantId()));
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "A policy's current version; ETag is the version")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content = @Content(schema = @Schema(implementation = PolicyView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public Response get(@PathParam("id") UUID id) {
    PolicyView v = policies.get(tenant.tenantId(), id);
    return Response.ok(v).tag(new EntityTag(String.valueOf(v.version()))).build();
  }

  @GET
  @Path("{id}/versions")
  @RolesAllowed(Roles.STAFF)
  @Operation(summary = "Every version of a policy, oldest first")
  @APIResponse(responseCode = "200", description = "The versions")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public Map<String, List<PolicyView>> versions(@PathParam("id") UUID id) {
    return Map.of("items", policies.versions(tenant.tenantId(), id));
  }

  @POST
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Create a policy",
      description =
          "Validated: codes unique, offsets increasing,"
              + " message steps name a template and channels, agency or legal only after a formal notice.")
  @APIResponse(
      responseCode = "201",
      description = "Created as version 1",
      content = @Content(schema = @Schema(implementation = PolicyView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "409", description = "Another policy has that name")
  @Idempotent
  public Response create(PolicyRequest request, @Context UriInfo uri) {
    PolicyView v = policies.create(tenant.tenantId(), request, tenant.principal());
    return Created.builder(uri, v.id())
        .tag(new EntityTag(String.valueOf(v.version())))
        .entity(v)
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Change a policy: stores the next version",
      description = "Reminders already sent keep the version they followed.")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = PolicyView.class)))
  @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "Name taken, or changed concurrently")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public Response update(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "Optional: the version (ETag) you read")
          @HeaderParam("If-Match")
          String ifMatch,
      PolicyRequest request) {
    PolicyView v =
        policies.update(tenant.tenantId(), id, request, version(ifMatch), tenant.principal());
    return Response.ok(v).tag(new EntityTag(String.valueOf(v.version()))).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.CREDIT_TEAM)
  @Operation(
      summary = "Retire a policy",
      description = "Its versions stay readable; it applies to nobody.")
  @APIResponse(responseCode = "204", description = "Retired")
  @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN)
  @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND)
  public Response retire(@PathParam("id") UUID id) {
    policies.retire(tenant.tenantId(), id, tenant.principal());
    return Response.noContent().build();
  }

  static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Integer.parseInt(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "must be an ETag returned by this API");
    }
  }
}
