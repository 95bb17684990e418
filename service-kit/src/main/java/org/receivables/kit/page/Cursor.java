package org.receivables.kit.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.receivables.kit.problem.ProblemException;

/** Opaque keyset cursors: clients pass them back unchanged and never build them. */
public final class Cursor {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private Cursor() {}

  public static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key inside a cursor, or null for the first page; a cursor that was tampered with is a 400.
   */
  public static String decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
  }

  /** The id inside a cursor whose key is an id, or null for the first page. */
  public static UUID decodeId(String cursor) {
    String key = decode(cursor);
    if (key == null) {
      return null;
    }
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
  }

  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return requested;
  }
}
