package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is reachable from outside: the Ingress routes only the public paths (never health or
 * metrics), compose publishes on 127.0.0.1 only, and the public demo API keys are active in the
 * local runs only, never in the production profile or the prod overlay.
 */
class ExposureTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void ingressRoutesThePublicPathsOnly(String overlay) {
    List<JsonNode> paths = new ArrayList<>();
    for (JsonNode ing : Manifests.render(overlay).all("Ingress")) {
      for (JsonNode rule : ing.path("spec").path("rules")) {
        rule.path("http").path("paths").forEach(paths::add);
      }
    }
    SoftAssertions soft = new SoftAssertions();
    for (String open :
        List.of(
            "/api/v1/invoices",
            "/api/v1/kpis/summary",
            "/admin/v1/api-keys",
            "/dashboard",
            "/dashboard/acme",
            "/q/openapi",
            "/q/asyncapi",
            "/q/swagger-ui/",
            "/q/swagger-ui/index.html")) {
      soft.assertThat(routed(paths, open)).as(overlay + ": %s routed", open).isTrue();
    }
    for (String closed :
        List.of(
            "/",
            "/q/health",
            "/q/health/ready",
            "/q/health/live",
            "/q/metrics",
            "/q/gateway-openapi",
            "/q/dev-ui",
            "/apis",
            "/q")) {
      soft.assertThat(routed(paths, closed)).as(overlay + ": %s not routed", closed).isFalse();
    }
    soft.assertAll();
  }

  /**
   * Health and metrics live on the management port of each pod (images build with Quarkus'
   * management interface): no Ingress path may lead there, whatever its path.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void ingressNeverReachesAManagementPort(String overlay) {
    List<String> ports = new ArrayList<>();
    for (JsonNode ing : Manifests.render(overlay).all("Ingress")) {
      for (JsonNode rule : ing.path("spec").path("rules")) {
        for (JsonNode p : rule.path("http").path("paths")) {
          JsonNode port = p.path("backend").path("service").path("port");
          ports.add(port.has("name") ? port.path("name").asText() : port.path("number").asText());
        }
      }
    }
    assertThat(ports).as(overlay + ": Ingress backend ports").isNotEmpty().containsOnly("http");
  }

  /** Kubernetes Ingress matching: Exact whole path, Prefix by whole path elements. */
  static boolean routed(List<JsonNode> paths, String request) {
    for (JsonNode p : paths) {
      String path = p.path("path").asText();
      String type = p.path("pathType").asText();
      if (type.equals("Exact") && request.equals(path)) {
        return true;
      }
      if (type.equals("Prefix")) {
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/")) {
          return true;
        }
      }
      if (!type.equals("Exact") && !type.equals("Prefix")) {
        return true; // ImplementationSpecific: could be anything, treat as routed
      }
    }
    return false;
  }

  @Test
  void composePublishesOnLoopbackOnly() {
    JsonNode services = Repo.yaml(Repo.path("docker-compose.yml")).path("services");
    SoftAssertions soft = new SoftAssertions();
    services
        .properties()
        .forEach(
            e -> {
              for (JsonNode port : e.getValue().path("ports")) {
                String published = port.isObject() ? port.path("host_ip").asText() : port.asText();
                soft.assertThat(published)
                    .as("compose %s publishes %s", e.getKey(), port)
                    .startsWith("127.0.0.1");
              }
            });
    soft.assertAll();
  }

  @Test
  void demoKeysAreNeverPartOfProduction() {
    List<String> demoHashes = demoKeyHashes();
    assertThat(demoHashes).as("demo keys found in config/local/gateway.properties").isNotEmpty();

    // The gateway's own configuration names the demo file and keys in dev and test profiles only.
    Properties gateway = Repo.applicationProperties("gateway");
    for (String key : gateway.stringPropertyNames()) {
      boolean demo =
          key.contains("gateway.api-keys.")
              || gateway.getProperty(key).contains("config/local")
              || key.endsWith("smallrye.config.locations");
      if (demo) {
        assertThat(key).as("demo setting %s", key).matches("%(dev|test)\\..*");
      }
    }
    // Nothing rendered for prod holds a demo key or points at the local demo material.
    String prod = Repo.kustomize("k8s/overlays/prod");
    for (String hash : demoHashes) {
      assertThat(prod).as("prod overlay holds demo key hash %s", hash).doesNotContain(hash);
    }
    assertThat(prod).doesNotContain("config/local");
    assertThat(Manifests.render("prod").all("Secret")).isEmpty();
  }

  private static List<String> demoKeyHashes() {
    List<String> hashes = new ArrayList<>();
    Matcher m =
        Pattern.compile("gateway\\.api-keys\\.\"([0-9a-f]{64})\"\\.name")
            .matcher(Repo.read(Repo.path("config/local/gateway.properties")));
    while (m.find()) {
      hashes.add(m.group(1));
    }
    return hashes;
  }
}
