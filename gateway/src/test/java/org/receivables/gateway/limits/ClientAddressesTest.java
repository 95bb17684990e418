package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  @Test
  void withoutTrustedProxiesThePeerIsTheClient() {
    ClientAddresses addresses = new ClientAddresses(List.of());
    assertThat(addresses.of("192.0.2.1", List.of("203.0.113.9"))).isEqualTo("192.0.2.1");
  }

  @Test
  void forwardedForIsReadOnlyFromATrustedProxy() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7"));
    assertThat(addresses.of("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(addresses.of("192.168.1.7", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    // an untrusted peer's header is whatever it chose to write
    assertThat(addresses.of("192.168.1.8", List.of("203.0.113.9"))).isEqualTo("192.168.1.8");
    assertThat(addresses.of("11.0.0.1", List.of("203.0.113.9"))).isEqualTo("11.0.0.1");
  }

  @Test
  void theRightMostUntrustedHopIsTheClient() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));
    // the client wrote "1.2.3.4" itself; the proxies appended what they saw
    assertThat(addresses.of("10.0.0.2", List.of("1.2.3.4, 203.0.113.9", "10.0.0.1")))
        .isEqualTo("203.0.113.9");
    assertThat(addresses.of("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    assertThat(addresses.of("10.0.0.2", List.of("10.0.0.3"))).isEqualTo("10.0.0.2");
  }

  @Test
  void rangesAreMatchedBitByBitForBothFamilies() {
    ClientAddresses addresses = new ClientAddresses(List.of("172.16.0.0/12", "fd00::/8", "::1"));
    assertThat(addresses.isTrusted("172.31.255.255")).isTrue();
    assertThat(addresses.isTrusted("172.32.0.0")).isFalse();
    assertThat(addresses.isTrusted("fd12:3456::1")).isTrue();
    assertThat(addresses.isTrusted("fe80::1")).isFalse();
    assertThat(addresses.isTrusted("::1")).isTrue();
    assertThat(addresses.isTrusted("localhost")).isFalse(); // never resolved
  }

  @Test
  void aBadEntryStopsTheStart() {
    assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example")))
        .hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
        .hasMessageContaining("prefix length");
  }
}
