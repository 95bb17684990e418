package org.receivables.kit.request;

import jakarta.ws.rs.core.MediaType;
import org.receivables.kit.problem.ProblemException;

/**
 * The request body's media type, checked by the resource method itself. A method that reads several
 * types consumes any type, so that the roles are checked first (403 before 415, as the
 * authorisation matrix requires) and a wrong type is refused here with a problem+json 415 that says
 * what to send, like every other refusal.
 */
public final class ContentTypes {

  private ContentTypes() {}

  /** The Content-Type header's type, or null when it is missing or unreadable. */
  public static MediaType parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return MediaType.valueOf(header);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code type} is concrete (no wildcard) and one of {@code accepted}, any parameters. */
  public static boolean isOneOf(MediaType type, MediaType... accepted) {
    if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
      return false;
    }
    for (MediaType a : accepted) {
      if (type.isCompatible(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The header's type when it is one of {@code accepted}; otherwise a 415 whose detail is {@code
   * whatToSend} followed by what was sent.
   */
  public static MediaType require(String header, String whatToSend, MediaType... accepted) {
    MediaType type = parse(header);
    if (!isOneOf(type, accepted)) {
      throw new ProblemException(
          415,
          "Unsupported Media Type",
          whatToSend + ", not " + (header == null ? "without a Content-Type" : header));
    }
    return type;
  }
}
