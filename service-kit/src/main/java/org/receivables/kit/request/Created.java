package org.receivables.kit.request;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A 201 whose Location names the new resource below the request's path, as every POST answers. */
public final class Created {

  private Created() {}

  public static Response at(UriInfo uri, Object id, Object entity) {
    return builder(uri, id).entity(entity).build();
  }

  /** For answers that add headers (an ETag) before building. */
  public static Response.ResponseBuilder builder(UriInfo uri, Object id) {
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build());
  }
}
