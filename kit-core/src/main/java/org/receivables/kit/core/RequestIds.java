package org.receivables.kit.core;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for request ids ({@code X-Request-Id}), shared by the gateway, which keeps a
 * client's id or creates one, and the services, which put the id the gateway forwards into their
 * logging context: with one rule, every id the gateway forwards is one the services log, so an
 * ERP's ticket, the gateway's access log and the services' logs name the same request. An id goes
 * into headers and log lines verbatim, so only short, plain tokens are kept.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /** The longest id kept. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:\\-]{1," + MAX_LENGTH + "}");

  private RequestIds() {}

  /** The id when it is a plain token (letters, digits, dot, dash, underscore, colon), else null. */
  public static String valid(String id) {
    return id != null && PLAIN.matcher(id).matches() ? id : null;
  }

  /** The client's id when it is plain, else a new random one. */
  public static String keepOrCreate(String fromClient) {
    String id = valid(fromClient);
    return id != null ? id : UUID.randomUUID().toString();
  }
}
