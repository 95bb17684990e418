package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of every overlay, rendered by kubectl kustomize, must fit the typed Kubernetes
 * model; custom resources of the operators (CloudNativePG, Strimzi, Prometheus Operator) are
 * checked by {@link OperatorResourcesTest}.
 */
class KubernetesSchemaTest {

  /** API groups of custom resources: no typed model, checked structurally elsewhere. */
  static final Set<String> CUSTOM_GROUPS =
      Set.of("postgresql.cnpg.io", "kafka.strimzi.io", "monitoring.coreos.com");

  static boolean isCustom(JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    return apiVersion.contains("/") && CUSTOM_GROUPS.contains(apiVersion.split("/")[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectFitsTheTypedModel(String overlay) {
    Manifests m = Manifests.render(overlay);
    assertThat(m.objects).as("objects rendered for %s", overlay).hasSizeGreaterThan(30);

    List<String> problems = new ArrayList<>();
    for (JsonNode doc : m.objects) {
      if (!isCustom(doc)) {
        problems.addAll(TypedModel.problems(doc));
      }
    }
    assertThat(problems).as("schema problems in overlay %s", overlay).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectIsNamespacedIntoTheOverlaysNamespace(String overlay) {
    Manifests m = Manifests.render(overlay);
    JsonNode ns = m.all("Namespace").get(0);
    String name = ns.path("metadata").path("name").asText();
    assertThat(
            ns.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())
        .isEqualTo("restricted");
    for (JsonNode doc : m.objects) {
      if (!doc.path("kind").asText().equals("Namespace")) {
        assertThat(doc.path("metadata").path("namespace").asText())
            .as("namespace of %s", Manifests.id(doc))
            .isEqualTo(name);
      }
    }
  }

  @Test
  void theValidatorRejectsUnknownFieldsAndWrongTypes() {
    JsonNode deployment = Manifests.render("dev").get("Deployment", "invoicing").deepCopy();
    assertThat(TypedModel.problems(deployment)).isEmpty();

    ObjectNode misspelled = deployment.deepCopy();
    ((ObjectNode) misspelled.path("spec").path("template").path("spec").path("containers").get(0))
        .put("readinesProbe", "x");
    assertThat(TypedModel.problems(misspelled))
        .singleElement()
        .asString()
        .contains("readinesProbe");

    ObjectNode wrongType = deployment.deepCopy();
    ((ObjectNode) wrongType.path("spec").path("template").path("spec"))
        .put("terminationGracePeriodSeconds", "forty-five");
    assertThat(TypedModel.problems(wrongType)).isNotEmpty();

    ObjectNode unknownKind = deployment.deepCopy();
    unknownKind.put("kind", "Deploymnet");
    assertThat(TypedModel.problems(unknownKind)).isNotEmpty();
  }
}
