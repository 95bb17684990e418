package org.receivables.gateway.testing;

import java.security.MessageDigest;
import java.util.HexFormat;

/** Deterministic, non-repeating-looking bytes, so that a reordered or lost chunk shows. */
public final class TestData {

  private TestData() {}

  public static byte[] bytes(int offset, int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      long n = offset + i;
      data[i] = (byte) ((n * 31 + (n >>> 8) * 7 + (n >>> 16)) & 0xff);
    }
    return data;
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
