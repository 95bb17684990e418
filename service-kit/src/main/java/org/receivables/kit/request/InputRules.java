package org.receivables.kit.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request's text may hold, wherever it comes from (path, query, header, JSON string): no NUL
 * or other control character, only valid UTF-8, and no value made only of spaces. PostgreSQL
 * refuses NUL in text and the U+FFFD a lenient decoder makes of broken UTF-8 means the caller sent
 * bytes we cannot read back; both used to end as a 500 deep in a query.
 */
public final class InputRules {

  /** What a lenient UTF-8 decoder puts where the bytes were not UTF-8. */
  static final char REPLACEMENT = '\uFFFD';

  public static final String CONTROL = "must not contain control characters (such as NUL)";
  public static final String NOT_UTF8 = "is not valid UTF-8";
  public static final String BLANK = "must not be blank";
  public static final String BAD_ESCAPE = "has a % that is not followed by two hex digits";

  private InputRules() {}

  /** A path parameter (already decoded): null when acceptable, else what is wrong with it. */
  public static String pathValue(String value) {
    if (value == null || value.isBlank()) {
      return BLANK;
    }
    return text(value, false, false);
  }

  /**
   * A query parameter's value (decoded): an empty value is the parameter left out, but spaces alone
   * are not a value.
   */
  public static String queryValue(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.isBlank()) {
      return BLANK;
    }
    return text(value, false, false);
  }

  /** A header value as received: a tab is allowed there (RFC 9110), other controls are not. */
  public static String headerValue(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return CONTROL;
      }
    }
    return null;
  }

  /**
   * A string of a JSON body: tabs and line breaks are text there, other controls are not (Jackson
   * itself refuses a body that is not UTF-8).
   */
  public static String bodyText(String value) {
    return value == null ? null : text(value, true, true);
  }

  private static String text(String value, boolean lineBreaksAllowed, boolean replacementAllowed) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == REPLACEMENT && !replacementAllowed) {
        return NOT_UTF8;
      }
      if (Character.isISOControl(c)
          && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
        return CONTROL;
      }
    }
    return null;
  }

  /**
   * One {@code name=value} pair of a raw query string, each part decoded or the reason it is not.
   */
  public record QueryPart(String name, String value, String problem) {}

  /**
   * Splits a raw (still percent-encoded) query string and decodes each name and value strictly:
   * {@code +} is a space, {@code %XX} a byte, and the bytes must be UTF-8.
   */
  public static List<QueryPart> query(String rawQuery) {
    List<QueryPart> parts = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parts;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      String name;
      try {
        name = decode(rawName);
      } catch (IllegalArgumentException e) {
        parts.add(new QueryPart(rawName, null, "parameter name " + e.getMessage()));
        continue;
      }
      String nameProblem = text(name, false, false);
      if (nameProblem != null) {
        parts.add(new QueryPart("query", null, "parameter name " + nameProblem));
        continue;
      }
      try {
        parts.add(new QueryPart(name, decode(rawValue), null));
      } catch (IllegalArgumentException e) {
        parts.add(new QueryPart(name, null, e.getMessage()));
      }
    }
    return parts;
  }

  /** Form-style percent decoding that refuses what a lenient decoder would silently repair. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.put((byte) ' ');
      } else if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException(BAD_ESCAPE);
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(BAD_ESCAPE);
        }
        bytes.put((byte) (hi * 16 + lo));
        i += 2;
      } else {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(NOT_UTF8);
    }
  }
}
