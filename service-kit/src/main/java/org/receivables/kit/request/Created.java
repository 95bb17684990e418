package org.receivables.kit.request;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A 201 whose Location names the new resource below the request's path, as every POST answers. The
 * Location is never built from the request's {@code Host} (or {@code X-Forwarded-Host}), which a
 * client chooses: it is absolute on {@code service-kit.public-url} (the gateway's public URL) where
 * that is set, and otherwise relative (RFC 9110 10.2.2), resolved by the client against the URL it
 * called.
 */
public final class Created {

  /** The public base URL of the suite, such as {@code https://api.example.com}. */
  public static final String PUBLIC_URL = "service-kit.public-url";

  private Created() {}

  public static Response at(UriInfo uri, Object id, Object entity) {
    return builder(uri, id).entity(entity).build();
  }

  /** For answers that add headers (an ETag) before building. */
  public static Response.ResponseBuilder builder(UriInfo uri, Object id) {
    return under(uri.getAbsolutePath().getRawPath(), id);
  }

  /**
   * A 201 for resource {@code id} of the collection at {@code collectionPath} (an absolute path).
   */
  public static Response.ResponseBuilder under(String collectionPath, Object id) {
    return Response.status(Response.Status.CREATED)
        .header("Location", location(publicUrl(), collectionPath, id));
  }

  static String location(Optional<String> publicUrl, String collectionPath, Object id) {
    String path =
        UriBuilder.fromPath(collectionPath).segment(String.valueOf(id)).build().getRawPath();
    return publicUrl.map(base -> base.replaceAll("/+$", "") + path).orElse(path);
  }

  private static Optional<String> publicUrl() {
    return ConfigProvider.getConfig()
        .getOptionalValue(PUBLIC_URL, String.class)
        .filter(url -> !url.isBlank());
  }
}
