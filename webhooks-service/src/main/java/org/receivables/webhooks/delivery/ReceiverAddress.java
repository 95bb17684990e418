package org.receivables.webhooks.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may be sent: the rule against server-side request forgery. A tenant names the
 * URL, so without it a subscription could make the service POST into the cluster (a database's HTTP
 * port, the cloud metadata endpoint at 169.254.169.254). Production accepts only {@code https} to
 * names that resolve to public addresses; every address the name resolves to is checked at each
 * attempt (DNS may change after the subscription was made), and the sender connects to the address
 * checked here, never resolving the name a second time (no DNS rebinding). The local run and the
 * tests may allow {@code http(s)://127.0.0.1} (and {@code [::1]}) receivers, nothing else.
 */
public final class ReceiverAddress {

  /** Resolves a host name; the JDK's resolver in production, a table in unit tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A checked receiver: connect to {@code address}, send Host and SNI {@code host}. */
  public record Target(URI uri, String host, int port, boolean https, InetAddress address) {

    /** The path and query to request. */
    public String pathAndQuery() {
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
  }

  /** The URL may not be used; the message says why, for the delivery log or a 400. */
  public static final class RefusedException extends Exception {
    public RefusedException(String message) {
      super(message);
    }
  }

  /** Ranges that are not public although the JDK's predicates let them pass (RFC 6890 registry). */
  private static final List<String> NOT_PUBLIC =
      List.of(
          "0.0.0.0/8",
          "100.64.0.0/10",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "240.0.0.0/4",
          "fc00::/7",
          "2001:db8::/32",
          "64:ff9b::/96",
          "::/128");

  private final boolean allowLoopbackHttp;
  private final Resolver resolver;

  public ReceiverAddress(boolean allowLoopbackHttp, Resolver resolver) {
    this.allowLoopbackHttp = allowLoopbackHttp;
    this.resolver = resolver;
  }

  /** Checks the URL and resolves its host; returns the address to connect to. */
  public Target check(String url) throws RefusedException {
    URI uri = parse(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    String host = uri.getHost();
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    if (allowLoopbackHttp && isLoopbackLiteral(host)) {
      try {
        return new Target(uri, host, port, https, InetAddress.getByName(host));
      } catch (UnknownHostException e) {
        throw new RefusedException("the host " + host + " is not an address");
      }
    }
    if (!https) {
      throw new RefusedException("only https receivers are accepted");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new RefusedException("the host " + host + " does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      throw new RefusedException("the host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw new RefusedException(
            "the host " + host + " resolves to " + address.getHostAddress() + ", not public");
      }
    }
    return new Target(uri, host, port, true, addresses[0]);
  }

  /**
   * The URL's form alone (no DNS): absolute http(s), a host, no user info, no fragment. What a
   * subscription must satisfy to be saved; {@link #check} decides at each attempt.
   */
  public static URI parse(String url) throws RefusedException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new RefusedException("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new RefusedException("must be an http(s) URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new RefusedException("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new RefusedException("must not carry user information");
    }
    if (uri.getRawFragment() != null) {
      throw new RefusedException("must not carry a fragment");
    }
    return uri;
  }

  private static boolean isLoopbackLiteral(String host) {
    return host.equals("127.0.0.1") || host.equals("[::1]");
  }

  /** Whether the address is one of the public Internet's. */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address && (bytes[0] & 0xff) == 255) {
      return false; // broadcast, within 240.0.0.0/4 anyway
    }
    if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
      return isPublic(embeddedIpv4(bytes));
    }
    for (String range : NOT_PUBLIC) {
      if (within(bytes, range)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static InetAddress embeddedIpv4(byte[] b) {
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean within(byte[] address, String cidr) {
    int slash = cidr.indexOf('/');
    byte[] network;
    try {
      network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    if (network.length != address.length) {
      return false;
    }
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
