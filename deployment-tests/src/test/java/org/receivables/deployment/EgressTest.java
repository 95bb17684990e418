package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhooks part sends requests to addresses its tenants choose, so its NetworkPolicy closes its
 * egress: HTTPS to public addresses (receivers), and by name only DNS, the OpenTelemetry collector,
 * its PostgreSQL and its Kafka. Nothing else in the cluster, no cloud metadata endpoint. Checked
 * with addresses, not by comparing the policy's text: a typical Service, pod, node or metadata
 * address must be refused, public ones admitted on 443 only.
 */
class EgressTest {

  /** Addresses a cluster (or its cloud) uses: Services, pods, nodes, metadata, loopback. */
  private static final List<String> INSIDE =
      List.of(
          "10.96.0.1",
          "10.244.3.17",
          "172.17.0.2",
          "172.31.255.254",
          "192.168.49.2",
          "169.254.169.254",
          "127.0.0.1",
          "100.64.0.10",
          "0.0.0.0",
          "fd00:10:96::1",
          "fe80::1",
          "::1");

  /** Public addresses a receiver may have. */
  private static final List<String> OUTSIDE = List.of("93.184.215.14", "2606:4700:4700::1111");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void webhookDeliveriesReachPublicHttpsOnly(String overlay) {
    JsonNode policy = Manifests.render(overlay).get("NetworkPolicy", "webhooks");
    assertThat(DeploymentRulesTest.texts(policy.path("spec").path("policyTypes")))
        .as("%s: egress is restricted", overlay)
        .contains("Egress");
    SoftAssertions soft = new SoftAssertions();
    for (String address : INSIDE) {
      soft.assertThat(admittedPorts(policy, address))
          .as("%s: ports open to %s (inside the cluster)", overlay, address)
          .isEmpty();
    }
    for (String address : OUTSIDE) {
      soft.assertThat(admittedPorts(policy, address))
          .as("%s: ports open to %s (a public receiver)", overlay, address)
          .containsExactly(443);
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void clusterPeersAreNamedAndLimitedToTheirPorts(String overlay) {
    Manifests m = Manifests.render(overlay);
    JsonNode policy = m.get("NetworkPolicy", "webhooks");
    Map<String, String> env =
        m.environment(Manifests.podSpec(m.get("Deployment", "webhooks")).path("containers").get(0));
    int pgPort =
        Integer.parseInt(
            env.get("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst("^[^/]*//[^:/]+:(\\d+)/.*$", "$1"));
    String kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
    int kafkaPort = Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1));

    List<Integer> podPorts = new ArrayList<>();
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode rule : policy.path("spec").path("egress")) {
      soft.assertThat(rule.path("ports").size())
          .as("%s: every egress rule names ports", overlay)
          .isPositive();
      soft.assertThat(rule.path("to").size())
          .as("%s: every egress rule names its peers", overlay)
          .isPositive();
      for (JsonNode peer : rule.path("to")) {
        if (peer.has("ipBlock")) {
          continue;
        }
        soft.assertThat(peer.path("podSelector").path("matchLabels").size())
            .as("%s: %s selects pods by label, never all of them", overlay, peer)
            .isPositive();
        if (peer.has("namespaceSelector")) {
          soft.assertThat(
                  peer.path("namespaceSelector")
                      .path("matchLabels")
                      .path("kubernetes.io/metadata.name")
                      .isTextual())
              .as("%s: %s names its namespace", overlay, peer)
              .isTrue();
        } else {
          rule.path("ports").forEach(p -> podPorts.add(p.path("port").asInt()));
        }
      }
    }
    soft.assertThat(podPorts)
        .as("%s: pods of the namespace reached: PostgreSQL and Kafka only", overlay)
        .containsExactlyInAnyOrder(pgPort, kafkaPort);
    soft.assertAll();
  }

  /** The TCP ports on which some ipBlock rule of the policy admits {@code address}. */
  static List<Integer> admittedPorts(JsonNode policy, String address) {
    List<Integer> ports = new ArrayList<>();
    for (JsonNode rule : policy.path("spec").path("egress")) {
      boolean admitted = false;
      for (JsonNode peer : rule.path("to")) {
        JsonNode block = peer.path("ipBlock");
        if (block.isMissingNode() || !within(address, block.path("cidr").asText())) {
          continue;
        }
        boolean excepted = false;
        for (JsonNode except : block.path("except")) {
          excepted |= within(address, except.asText());
        }
        admitted |= !excepted;
      }
      if (admitted) {
        rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
      }
    }
    return ports;
  }

  /** Whether {@code address} lies in {@code cidr} (same address family only). */
  static boolean within(String address, String cidr) {
    try {
      byte[] a = InetAddress.getByName(address).getAddress();
      String[] parts = cidr.split("/");
      byte[] net = InetAddress.getByName(parts[0]).getAddress();
      if (a.length != net.length) {
        return false;
      }
      int bits = a.length * 8;
      int prefix = Integer.parseInt(parts[1]);
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return new BigInteger(1, a).and(mask).equals(new BigInteger(1, net).and(mask));
    } catch (UnknownHostException e) {
      throw new AssertionError("not an address: " + address + " / " + cidr, e);
    }
  }
}
