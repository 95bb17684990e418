package org.receivables.webhooks.delivery;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The {@code webhook-id} of a delivery: {@code msg_}, the creation time in milliseconds (12 hex
 * digits, so that ids sort by creation and the log pages by id) and 80 random bits. The same id is
 * sent on every attempt of a delivery; a receiver de-duplicates on it.
 */
public final class DeliveryIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DeliveryIds() {}

  public static String next(Instant now) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    return String.format("msg_%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
  }
}
