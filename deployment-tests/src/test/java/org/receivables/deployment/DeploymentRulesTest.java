package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operating rules of every Deployment of the suite, in every overlay: health probes, resources,
 * a locked-down security context, graceful shutdown, and its companions (ServiceAccount, Service,
 * PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy).
 */
class DeploymentRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyPartOfTheSuiteIsDeployed(String overlay) {
    assertThat(Manifests.render(overlay).suiteDeployments().keySet())
        .containsExactlyInAnyOrderElementsOf(Repo.MODULES.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void probesResourcesSecurityAndShutdown(String overlay) {
    Manifests m = Manifests.render(overlay);
    SoftAssertions soft = new SoftAssertions();
    m.suiteDeployments()
        .forEach(
            (name, d) -> {
              String at = overlay + " " + name + ": ";
              JsonNode pod = Manifests.podSpec(d);
              JsonNode c = pod.path("containers").get(0);
              int port = Repo.PORTS.get(name);

              soft.assertThat(d.path("spec").has("replicas"))
                  .as(at + "replicas left to the HPA")
                  .isFalse();
              soft.assertThat(
                      d.path("spec")
                          .path("strategy")
                          .path("rollingUpdate")
                          .path("maxUnavailable")
                          .asInt(-1))
                  .as(at + "rolling update keeps every ready pod")
                  .isZero();
              soft.assertThat(c.path("image").asText())
                  .as(at + "image")
                  .contains("receivables/" + Repo.MODULES.get(name) + ":");
              soft.assertThat(portNamed(c, "http")).as(at + "container port").isEqualTo(port);
              soft.assertThat(portNamed(c, "management"))
                  .as(at + "management port (the image's, see the root POM)")
                  .isEqualTo(Repo.MANAGEMENT_PORT);

              probe(soft, at + "startup", c.path("startupProbe"), "/q/health/started");
              probe(soft, at + "liveness", c.path("livenessProbe"), "/q/health/live");
              probe(soft, at + "readiness", c.path("readinessProbe"), "/q/health/ready");

              for (String kind : List.of("requests", "limits")) {
                for (String res : List.of("cpu", "memory")) {
                  soft.assertThat(c.path("resources").path(kind).path(res).asText())
                      .as(at + "resources." + kind + "." + res)
                      .isNotEmpty();
                }
              }

              JsonNode podSec = pod.path("securityContext");
              soft.assertThat(podSec.path("runAsNonRoot").asBoolean())
                  .as(at + "pod runAsNonRoot")
                  .isTrue();
              soft.assertThat(podSec.path("runAsUser").asInt(0))
                  .as(at + "numeric non-root uid")
                  .isPositive();
              soft.assertThat(podSec.path("seccompProfile").path("type").asText())
                  .as(at + "seccomp")
                  .isEqualTo("RuntimeDefault");
              JsonNode sec = c.path("securityContext");
              soft.assertThat(sec.path("allowPrivilegeEscalation").asBoolean(true))
                  .as(at + "allowPrivilegeEscalation")
                  .isFalse();
              soft.assertThat(sec.path("readOnlyRootFilesystem").asBoolean())
                  .as(at + "read-only root FS")
                  .isTrue();
              soft.assertThat(texts(sec.path("capabilities").path("drop")))
                  .as(at + "dropped capabilities")
                  .contains("ALL");
              soft.assertThat(sec.path("privileged").asBoolean(false))
                  .as(at + "privileged")
                  .isFalse();
              soft.assertThat(tmpIsEmptyDir(pod, c)).as(at + "/tmp on an emptyDir").isTrue();

              soft.assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                  .as(at + "no API token mounted")
                  .isFalse();
              String sa = pod.path("serviceAccountName").asText();
              soft.assertThat(m.find("ServiceAccount", sa))
                  .as(at + "ServiceAccount " + sa)
                  .isPresent();

              // Graceful shutdown: endpoints removed (preStop), then Quarkus drains within its
              // timeout.
              JsonNode preStop = c.path("lifecycle").path("preStop").path("exec").path("command");
              soft.assertThat(texts(preStop)).as(at + "preStop sleep").startsWith("sleep");
              Map<String, String> env = m.environment(c);
              long sleep =
                  preStop.size() > 1 ? Long.parseLong(preStop.get(preStop.size() - 1).asText()) : 0;
              String shutdown = env.getOrDefault("QUARKUS_SHUTDOWN_TIMEOUT", "");
              soft.assertThat(shutdown).as(at + "QUARKUS_SHUTDOWN_TIMEOUT").isNotEmpty();
              if (!shutdown.isEmpty()) {
                long needed = sleep + Duration.parse("PT" + shutdown.toUpperCase()).toSeconds() + 5;
                soft.assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                    .as(at + "grace period covers preStop + shutdown timeout + 5 s")
                    .isGreaterThanOrEqualTo(needed);
              }

              JsonNode annotations =
                  d.path("spec").path("template").path("metadata").path("annotations");
              soft.assertThat(annotations.path("prometheus.io/scrape").asText())
                  .as(at + "scrape")
                  .isEqualTo("true");
              soft.assertThat(annotations.path("prometheus.io/path").asText())
                  .as(at + "metrics path")
                  .isEqualTo("/q/metrics");
              soft.assertThat(annotations.path("prometheus.io/port").asText())
                  .as(at + "metrics port")
                  .isEqualTo(String.valueOf(Repo.MANAGEMENT_PORT));
            });
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void environmentCarriesWhatTheServicesRead(String overlay) {
    Manifests m = Manifests.render(overlay);
    SoftAssertions soft = new SoftAssertions();
    m.suiteDeployments()
        .forEach(
            (name, d) -> {
              String at = overlay + " " + name + ": ";
              JsonNode pod = Manifests.podSpec(d);
              JsonNode c = pod.path("containers").get(0);
              Map<String, String> env = m.environment(c);

              soft.assertThat(env)
                  .as(at + "env")
                  .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(Repo.PORTS.get(name)));
              soft.assertThat(env)
                  .as(at + "env")
                  .containsEntry("MP_JWT_VERIFY_ISSUER", "receivables-gateway");
              soft.assertThat(env)
                  .as(at + "env")
                  .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
              soft.assertThat(env)
                  .as(at + "env")
                  .containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
              soft.assertThat(mountedFile(pod, c, env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")))
                  .as(at + "public key file mounted from a Secret")
                  .isTrue();

              // Every part, the gateway included (API keys), has its own database.
              String jdbc = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
              soft.assertThat(jdbc)
                  .as(at + "JDBC URL names the part's own database")
                  .matches("jdbc:postgresql://[a-z0-9.-]+:5432/" + name + "(\\?.*)?");
              soft.assertThat(env.get("QUARKUS_DATASOURCE_USERNAME"))
                  .as(at + "db user")
                  .matches("secret:" + name + "-db(-[a-z0-9]{10})?/username");
              soft.assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD"))
                  .as(at + "db password")
                  .matches("secret:" + name + "-db(-[a-z0-9]{10})?/password");
              if (overlay.equals("prod")) {
                Map<String, String> params = query(jdbc);
                soft.assertThat(params)
                    .as(at + "TLS with the server's certificate and name verified")
                    .containsEntry("sslmode", "verify-full");
                soft.assertThat(mountedFile(pod, c, params.get("sslrootcert")))
                    .as(at + "PostgreSQL CA mounted from a Secret")
                    .isTrue();
              }
              if (Repo.BACKENDS.contains(name)) {
                soft.assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS"))
                    .as(at + "Kafka")
                    .matches("[a-z0-9.-]+:\\d+");
              } else {
                soft.assertThat(mountedFile(pod, c, env.get("SMALLRYE_JWT_SIGN_KEY_LOCATION")))
                    .as(at + "signing key mounted from a Secret")
                    .isTrue();
                soft.assertThat(mountedFile(pod, c, env.get("SMALLRYE_CONFIG_LOCATIONS")))
                    .as(at + "API keys file mounted from a Secret")
                    .isTrue();
                for (String backend : Repo.BACKENDS) {
                  String key = "GATEWAY_UPSTREAM_" + backend.toUpperCase();
                  soft.assertThat(env.get(key))
                      .as(at + key)
                      .isEqualTo("http://" + backend + ":" + Repo.PORTS.get(backend));
                  soft.assertThat(m.find("Service", backend))
                      .as(at + "Service " + backend)
                      .isPresent();
                }
              }
              if (name.equals("dunning")) {
                soft.assertThat(env)
                    .as(at + "mailer")
                    .containsKeys(
                        "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_FROM");
                soft.assertThat(env)
                    .as(at + "mailer")
                    .containsEntry("QUARKUS_MAILER_MOCK", "false");
              }
            });
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void companionsServiceBudgetAutoscalerAndPolicies(String overlay) {
    Manifests m = Manifests.render(overlay);
    SoftAssertions soft = new SoftAssertions();
    m.suiteDeployments()
        .forEach(
            (name, d) -> {
              String at = overlay + " " + name + ": ";
              JsonNode podLabels = d.path("spec").path("template").path("metadata").path("labels");
              int port = Repo.PORTS.get(name);

              JsonNode svc = m.get("Service", name);
              soft.assertThat(svc.path("spec").path("type").asText("ClusterIP"))
                  .as(at + "Service type")
                  .isEqualTo("ClusterIP");
              soft.assertThat(selects(svc.path("spec").path("selector"), podLabels))
                  .as(at + "Service selects the pods")
                  .isTrue();
              soft.assertThat(svc.path("spec").path("ports").get(0).path("port").asInt())
                  .as(at + "Service port")
                  .isEqualTo(port);
              soft.assertThat(
                      StreamSupport.stream(svc.path("spec").path("ports").spliterator(), false)
                          .map(p -> p.path("name").asText() + "=" + p.path("port").asInt())
                          .toList())
                  .as(at + "Service ports")
                  .containsExactly("http=" + port, "management=" + Repo.MANAGEMENT_PORT);

              JsonNode pdb = m.get("PodDisruptionBudget", name);
              soft.assertThat(
                      selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels))
                  .as(at + "PDB selects the pods")
                  .isTrue();
              soft.assertThat(
                      pdb.path("spec").has("maxUnavailable")
                          || pdb.path("spec").has("minAvailable"))
                  .as(at + "PDB budget")
                  .isTrue();

              JsonNode hpa = m.get("HorizontalPodAutoscaler", name);
              JsonNode target = hpa.path("spec").path("scaleTargetRef");
              soft.assertThat(target.path("kind").asText() + "/" + target.path("name").asText())
                  .as(at + "HPA target")
                  .isEqualTo("Deployment/" + name);
              soft.assertThat(hpa.path("spec").path("maxReplicas").asInt())
                  .as(at + "HPA max >= min")
                  .isGreaterThanOrEqualTo(hpa.path("spec").path("minReplicas").asInt(1));
              if (overlay.equals("prod")) {
                soft.assertThat(hpa.path("spec").path("minReplicas").asInt())
                    .as(at + "several replicas")
                    .isGreaterThanOrEqualTo(2);
              }

              List<JsonNode> policies =
                  m.all("NetworkPolicy").stream()
                      .filter(
                          p ->
                              selects(
                                  p.path("spec").path("podSelector").path("matchLabels"),
                                  podLabels))
                      .toList();
              soft.assertThat(policies).as(at + "NetworkPolicy").hasSize(1);
              if (policies.size() == 1) {
                soft.assertThat(sources(policies.get(0), port))
                    .as(at + "who may connect to the API port")
                    .containsExactly(name.equals("gateway") ? "ns=ingress-nginx" : "pod=gateway");
                soft.assertThat(sources(policies.get(0), Repo.MANAGEMENT_PORT))
                    .as(at + "who may connect to the management port")
                    .containsExactly("ns=monitoring,pod=prometheus");
              }
            });

    List<String> ingressBackends = new ArrayList<>();
    for (JsonNode ing : m.all("Ingress")) {
      for (JsonNode rule : ing.path("spec").path("rules")) {
        for (JsonNode p : rule.path("http").path("paths")) {
          ingressBackends.add(p.path("backend").path("service").path("name").asText());
        }
      }
    }
    soft.assertThat(ingressBackends)
        .as(overlay + ": only the gateway is exposed")
        .containsOnly("gateway")
        .isNotEmpty();
    for (JsonNode svc : m.all("Service")) {
      soft.assertThat(svc.path("spec").path("type").asText("ClusterIP"))
          .as(overlay + ": " + Manifests.id(svc) + " stays inside the cluster")
          .isEqualTo("ClusterIP");
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyWorkloadMeetsTheRestrictedPodSecurityStandard(String overlay) {
    Manifests m = Manifests.render(overlay);
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode w : m.workloads()) {
      String at = overlay + " " + Manifests.id(w) + ": ";
      JsonNode pod = Manifests.podSpec(w);
      JsonNode podSec = pod.path("securityContext");
      soft.assertThat(podSec.path("runAsNonRoot").asBoolean()).as(at + "runAsNonRoot").isTrue();
      soft.assertThat(podSec.path("seccompProfile").path("type").asText())
          .as(at + "seccomp")
          .isEqualTo("RuntimeDefault");
      soft.assertThat(
              pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false))
          .as(at + "host namespaces")
          .isFalse();
      for (JsonNode c : Manifests.containers(pod)) {
        String cat = at + c.path("name").asText() + ": ";
        JsonNode sec = c.path("securityContext");
        soft.assertThat(sec.path("allowPrivilegeEscalation").asBoolean(true))
            .as(cat + "allowPrivilegeEscalation")
            .isFalse();
        soft.assertThat(texts(sec.path("capabilities").path("drop")))
            .as(cat + "drop ALL")
            .contains("ALL");
        soft.assertThat(sec.path("capabilities").path("add").size())
            .as(cat + "no added capability")
            .isZero();
        soft.assertThat(c.path("resources").path("limits").path("memory").asText())
            .as(cat + "memory limit")
            .isNotEmpty();
        soft.assertThat(c.path("resources").path("requests").path("cpu").asText())
            .as(cat + "cpu request")
            .isNotEmpty();
        soft.assertThat(c.path("image").asText())
            .as(cat + "image pinned to a tag")
            .matches(".+:[A-Za-z0-9._-]+$")
            .doesNotEndWith(":latest");
      }
    }
    soft.assertAll();
  }

  // ---------------------------------------------------------------- helpers

  /** The parameters of a JDBC URL's query ({@code ?a=b&c=d}). */
  static Map<String, String> query(String url) {
    Map<String, String> params = new java.util.LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return params;
  }

  private static void probe(SoftAssertions soft, String what, JsonNode probe, String path) {
    soft.assertThat(probe.path("httpGet").path("path").asText())
        .as(what + " probe path")
        .isEqualTo(path);
    soft.assertThat(probe.path("httpGet").path("port").asText())
        .as(what + " probe port")
        .isEqualTo("management");
  }

  private static int portNamed(JsonNode container, String name) {
    for (JsonNode p : container.path("ports")) {
      if (name.equals(p.path("name").asText())) {
        return p.path("containerPort").asInt();
      }
    }
    return -1;
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /**
   * Every key=value of the selector is among the labels (an empty selector selects nothing here).
   */
  static boolean selects(JsonNode selector, JsonNode labels) {
    if (selector.isMissingNode() || selector.size() == 0) {
      return false;
    }
    var it = selector.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static boolean tmpIsEmptyDir(JsonNode pod, JsonNode container) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals("/tmp")) {
        String volume = mount.path("name").asText();
        for (JsonNode v : pod.path("volumes")) {
          if (v.path("name").asText().equals(volume) && v.has("emptyDir")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The file lies in a read-only mount of a Secret volume whose items (or keys) hold its name. */
  static boolean mountedFile(JsonNode pod, JsonNode container, String file) {
    return secretBehind(pod, container, file) != null;
  }

  /** The Secret whose read-only volume mount holds the file, or null. */
  static String secretBehind(JsonNode pod, JsonNode container, String file) {
    if (file == null || !file.startsWith("/")) {
      return null;
    }
    for (JsonNode mount : container.path("volumeMounts")) {
      String dir = mount.path("mountPath").asText();
      if (file.startsWith(dir + "/") && mount.path("readOnly").asBoolean()) {
        String rest = file.substring(dir.length() + 1);
        for (JsonNode v : pod.path("volumes")) {
          if (v.path("name").asText().equals(mount.path("name").asText()) && v.has("secret")) {
            String secret = v.path("secret").path("secretName").asText();
            JsonNode items = v.path("secret").path("items");
            if (items.isMissingNode() || items.size() == 0) {
              return secret;
            }
            for (JsonNode item : items) {
              if (item.path("path").asText().equals(rest)) {
                return secret;
              }
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * The peers a policy admits on the port, as "pod=<name>" / "ns=<name>[,pod=<name>]"; every rule
   * names one port of the part (API or management) and its peers.
   */
  private static List<String> sources(JsonNode policy, int port) {
    List<String> sources = new ArrayList<>();
    assertThat(texts(policy.path("spec").path("policyTypes"))).contains("Ingress");
    for (JsonNode rule : policy.path("spec").path("ingress")) {
      assertThat(rule.path("ports").size())
          .as("%s: every rule is limited to one port", Manifests.id(policy))
          .isEqualTo(1);
      assertThat(rule.path("from").size())
          .as("%s: every rule names its peers", Manifests.id(policy))
          .isPositive();
      if (rule.path("ports").get(0).path("port").asInt() != port) {
        continue;
      }
      for (JsonNode peer : rule.path("from")) {
        assertThat(peer.has("ipBlock")).as("%s: no ipBlock peers", Manifests.id(policy)).isFalse();
        List<String> parts = new ArrayList<>();
        JsonNode ns =
            peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name");
        if (peer.has("namespaceSelector")) {
          assertThat(ns.isMissingNode()).as("%s: namespace named", Manifests.id(policy)).isFalse();
          parts.add("ns=" + ns.asText());
        }
        JsonNode pod = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name");
        if (peer.has("podSelector")) {
          assertThat(pod.isMissingNode()).as("%s: pod named", Manifests.id(policy)).isFalse();
          parts.add("pod=" + pod.asText());
        }
        sources.add(String.join(",", parts));
      }
    }
    return sources;
  }
}
