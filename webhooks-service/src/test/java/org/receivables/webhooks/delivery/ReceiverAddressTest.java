package org.receivables.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiverAddressTest {

  /** A DNS of the test's own: names to the addresses under test, no network; literals as is. */
  private static final Map<String, String[]> DNS =
      Map.of(
          "erp.example.com", new String[] {"93.184.215.14"},
          "metadata.example.com", new String[] {"169.254.169.254"},
          "mixed.example.com", new String[] {"93.184.215.14", "10.0.0.7"},
          "v6.example.com", new String[] {"2606:4700::6810:84e5"},
          "ula.example.com", new String[] {"fd00:ec2::254"});

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String[] literals = DNS.get(host);
    if (literals == null && (host.startsWith("[") || Character.isDigit(host.charAt(0)))) {
      return InetAddress.getAllByName(host); // an address literal: no lookup
    }
    if (literals == null) {
      throw new UnknownHostException(host);
    }
    InetAddress[] out = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      out[i] = InetAddress.getByName(literals[i]);
    }
    return out;
  }

  private final ReceiverAddress production =
      new ReceiverAddress(false, ReceiverAddressTest::resolve);
  private final ReceiverAddress local = new ReceiverAddress(true, ReceiverAddressTest::resolve);

  @Test
  void productionSendsHttpsToAPublicAddressAndConnectsToTheAddressItChecked() throws Exception {
    ReceiverAddress.Target target = production.check("https://erp.example.com/hooks?x=1");
    assertThat(target.address().getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(target.host()).isEqualTo("erp.example.com");
    assertThat(target.port()).isEqualTo(443);
    assertThat(target.pathAndQuery()).isEqualTo("/hooks?x=1");
    assertThat(production.check("https://v6.example.com").address().getHostAddress())
        .startsWith("2606:4700");
  }

  @Test
  void productionRefusesPlainHttpEvenToAPublicHost() {
    assertThatThrownBy(() -> production.check("http://erp.example.com/hooks"))
        .isInstanceOf(ReceiverAddress.RefusedException.class)
        .hasMessageContaining("https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://10.1.2.3/x",
        "https://172.16.0.1/x",
        "https://192.168.1.1/x",
        "https://169.254.169.254/latest/meta-data",
        "https://metadata.example.com/",
        "https://0.0.0.0/",
        "https://100.64.0.1/",
        "https://224.0.0.1/",
        "https://[fe80::1]/",
        "https://[::ffff:10.0.0.1]/",
        "https://ula.example.com/",
        "https://mixed.example.com/",
        "https://nowhere.example.com/"
      })
  void productionRefusesEveryAddressThatIsNotPublic(String url) {
    assertThatThrownBy(() -> production.check(url))
        .isInstanceOf(ReceiverAddress.RefusedException.class);
  }

  @Test
  void theLocalRunAllowsHttpToLoopbackLiteralsOnly() throws Exception {
    assertThat(local.check("http://127.0.0.1:8125/hook").address().isLoopbackAddress()).isTrue();
    assertThat(local.check("http://127.0.0.1:8125/hook").https()).isFalse();
    assertThatThrownBy(() -> local.check("http://10.0.0.1/hook"))
        .isInstanceOf(ReceiverAddress.RefusedException.class);
    assertThatThrownBy(() -> local.check("https://169.254.169.254/"))
        .isInstanceOf(ReceiverAddress.RefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://erp.example.com/",
        "erp.example.com/hooks",
        "https://user:pw@erp.example.com/",
        "https://erp.example.com/#frag",
        "https:///nohost",
        "not a url"
      })
  void aUrlOfAnotherFormIsRefusedBeforeAnyLookup(String url) {
    assertThatThrownBy(() -> ReceiverAddress.parse(url))
        .isInstanceOf(ReceiverAddress.RefusedException.class);
  }
}
