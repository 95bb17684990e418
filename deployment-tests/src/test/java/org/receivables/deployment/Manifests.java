package org.receivables.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The objects of one rendered overlay, with the look-ups the rule checks need. */
final class Manifests {

  final String overlay;
  final List<JsonNode> objects;

  private Manifests(String overlay, List<JsonNode> objects) {
    this.overlay = overlay;
    this.objects = objects;
  }

  static Manifests render(String overlay) {
    return new Manifests(overlay, Repo.documents(Repo.kustomize("k8s/overlays/" + overlay)));
  }

  static String id(JsonNode doc) {
    return doc.path("kind").asText("?") + "/" + doc.path("metadata").path("name").asText("?");
  }

  List<JsonNode> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return all(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + "/" + name + " rendered"));
  }

  /** The suite's own Deployments (gateway and services), by suite part name. */
  Map<String, JsonNode> suiteDeployments() {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode d : all("Deployment")) {
      String component =
          d.path("metadata").path("labels").path("app.kubernetes.io/component").asText();
      if (component.equals("service") || component.equals("gateway")) {
        byName.put(d.path("metadata").path("name").asText(), d);
      }
    }
    return byName;
  }

  /** Objects with a pod template (or pods of their own): Deployments, StatefulSets, Jobs. */
  List<JsonNode> workloads() {
    return objects.stream()
        .filter(
            o ->
                List.of("Deployment", "StatefulSet", "Job", "DaemonSet", "CronJob")
                    .contains(o.path("kind").asText()))
        .toList();
  }

  static JsonNode podSpec(JsonNode workload) {
    if (workload.path("kind").asText().equals("CronJob")) {
      return workload.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
    }
    return workload.path("spec").path("template").path("spec");
  }

  /**
   * The environment a container really gets: its ConfigMaps (envFrom) resolved from the rendered
   * objects, then its own env entries; a value from a Secret shows as {@code secret:<name>/<key>}.
   */
  Map<String, String> environment(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String cm = from.path("configMapRef").path("name").asText(null);
      if (cm != null) {
        get("ConfigMap", cm)
            .path("data")
            .properties()
            .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
      }
    }
    for (JsonNode e : container.path("env")) {
      JsonNode secret = e.path("valueFrom").path("secretKeyRef");
      String value =
          secret.isMissingNode()
              ? e.path("value").asText()
              : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText();
      env.put(e.path("name").asText(), value);
    }
    return env;
  }

  /** Names of Secrets that the workloads reference (env, envFrom, volumes). */
  List<String> referencedSecrets() {
    List<String> names = new ArrayList<>();
    for (JsonNode w : workloads()) {
      JsonNode pod = podSpec(w);
      for (JsonNode v : pod.path("volumes")) {
        addIfPresent(names, v.path("secret").path("secretName"));
      }
      for (JsonNode c : containers(pod)) {
        for (JsonNode e : c.path("env")) {
          addIfPresent(names, e.path("valueFrom").path("secretKeyRef").path("name"));
        }
        for (JsonNode e : c.path("envFrom")) {
          addIfPresent(names, e.path("secretRef").path("name"));
        }
      }
    }
    return names.stream().distinct().collect(Collectors.toList());
  }

  static List<JsonNode> containers(JsonNode podSpec) {
    List<JsonNode> all = new ArrayList<>();
    podSpec.path("initContainers").forEach(all::add);
    podSpec.path("containers").forEach(all::add);
    return all;
  }

  private static void addIfPresent(List<String> names, JsonNode node) {
    if (!node.isMissingNode() && !node.isNull()) {
      names.add(node.asText());
    }
  }

  /** A generated name without Kustomize's hash suffix ({@code invoicing-db-m5g5mk2bm6}). */
  static String unhashed(String name) {
    return name.replaceFirst("-[a-z0-9]{10}$", "");
  }
}
