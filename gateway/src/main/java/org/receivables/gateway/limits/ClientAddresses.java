package org.receivables.gateway.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is, by address, for limits that apply before authentication. The TCP peer is the
 * client unless it is a configured trusted proxy; then the right-most {@code X-Forwarded-For} entry
 * that is not itself a trusted proxy is (entries further left are whatever the client wrote).
 */
public final class ClientAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final List<Range> trusted;

  /**
   * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8})
   * @throws IllegalArgumentException for an entry that is neither
   */
  public ClientAddresses(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : trustedProxies) {
      String text = entry.trim();
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.split("/", 2);
      byte[] address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException(
            "gateway.client-address.trusted-proxies: '" + text + "' is not an IP address or range");
      }
      int bits = address.length * 8;
      if (parts.length == 2) {
        try {
          bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException(
              "gateway.client-address.trusted-proxies: bad prefix length in '" + text + "'");
        }
      }
      ranges.add(new Range(address, bits));
    }
    this.trusted = List.copyOf(ranges);
  }

  /**
   * The client's address.
   *
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order
   */
  public String of(String peer, List<String> forwardedFor) {
    if (peer == null || trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (literal(hop) == null) {
        return hop; // not an address: whoever wrote it is the client we can name
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
  }

  /** The bytes of an IP literal, or null; never a DNS lookup. */
  static byte[] literal(String text) {
    if (text == null) {
      return null;
    }
    String s =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Range(byte[] network, int bits) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
