package org.receivables.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Validates manifests against fabric8's typed Kubernetes model, which is generated from the
 * Kubernetes OpenAPI schemas. fabric8 keeps fields it does not know in {@code additionalProperties}
 * instead of refusing them, so a misspelled or misplaced field is found by walking the typed tree
 * for such leftovers.
 */
final class TypedModel {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private TypedModel() {}

  /** Problems of one object: unknown kind, unknown fields (by path) or values of the wrong type. */
  static List<String> problems(JsonNode doc) {
    String id = Manifests.id(doc);
    List<String> problems = new ArrayList<>();
    KubernetesResource typed;
    try {
      typed = SERIALIZATION.convertValue(doc, KubernetesResource.class);
    } catch (RuntimeException e) {
      problems.add(id + ": does not fit the typed model: " + e.getMessage());
      return problems;
    }
    if (typed == null || typed instanceof GenericKubernetesResource) {
      problems.add(id + ": no typed model for " + doc.path("apiVersion").asText());
      return problems;
    }
    walk(typed, id, problems);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "[" + k + "]", problems));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method m : value.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object child = invoke(m, value);
      if (m.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": unknown field(s) " + extra.keySet());
        }
        continue;
      }
      String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
      walk(child, path + "." + field, problems);
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
