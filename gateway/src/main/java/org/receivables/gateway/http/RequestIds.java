package org.receivables.gateway.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client's request id is kept so that its logs and ours line up, but only if it is short and
 * plain: it goes into headers and log lines verbatim.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private RequestIds() {}

  public static String keepOrCreate(String fromClient) {
    if (fromClient != null && SANE.matcher(fromClient).matches()) {
      return fromClient;
    }
    return UUID.randomUUID().toString();
  }
}
