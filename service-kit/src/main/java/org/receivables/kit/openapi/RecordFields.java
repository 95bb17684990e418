package org.receivables.kit.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * What a record written as JSON promises about each of its fields, read from its annotations: the
 * one convention of the suite is that a component that can be null says so with
 * {@code @Schema(nullable = true)}, and one left out of the JSON when null says so with
 * {@code @JsonInclude(NON_NULL)} (on it or on the record). Everything else is always written and
 * never null. The OpenAPI filter {@link ResponseFields} publishes that; the services' foundation
 * test checks it against the served document.
 */
public final class RecordFields {

  static final DotName SCHEMA =
      DotName.createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");
  private static final DotName JSON_INCLUDE =
      DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");
  private static final DotName JSON_PROPERTY =
      DotName.createSimple("com.fasterxml.jackson.annotation.JsonProperty");
  private static final DotName JSON_IGNORE =
      DotName.createSimple("com.fasterxml.jackson.annotation.JsonIgnore");

  /** Boxed scalars: a record uses one rather than the primitive only because it can be null. */
  private static final Set<String> BOXED =
      Set.of(
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Boolean");

  /** One JSON field of a record. */
  public record Field(
      String name, Type type, boolean alwaysWritten, boolean declaredNullable, boolean boxed) {}

  private RecordFields() {}

  /**
   * The records of the index by the name of their schema ({@code @Schema(name)}, else the simple
   * name). A name two records share is left out: SmallRye renames one of them, so which schema is
   * which cannot be told, and the foundation test reports it.
   */
  public static Map<String, ClassInfo> bySchemaName(IndexView index) {
    Map<String, ClassInfo> records = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (ClassInfo type : reachableRecords(index)) {
      if (records.putIfAbsent(schemaName(type), type) != null) {
        shared.add(schemaName(type));
      }
    }
    records.keySet().removeAll(shared);
    return records;
  }

  /**
   * The records the index knows, and those its methods return, followed through their components:
   * Quarkus hands build-time filters an index that reads classes on demand, whose known classes are
   * only those read so far.
   */
  private static Set<ClassInfo> reachableRecords(IndexView index) {
    Deque<Type> todo = new ArrayDeque<>();
    for (ClassInfo type : index.getKnownClasses()) {
      todo.add(Type.create(type.name(), Type.Kind.CLASS));
      type.methods().forEach(m -> todo.add(m.returnType()));
    }
    Set<DotName> seen = new HashSet<>();
    Set<ClassInfo> records = new HashSet<>();
    while (!todo.isEmpty()) {
      Type type = todo.pop();
      switch (type.kind()) {
        case PARAMETERIZED_TYPE -> todo.addAll(type.asParameterizedType().arguments());
        case ARRAY -> todo.add(type.asArrayType().constituent());
        default -> {}
      }
      if (!seen.add(type.name()) || type.kind() == Type.Kind.PRIMITIVE) {
        continue;
      }
      ClassInfo info = index.getClassByName(type.name());
      if (info != null && info.isRecord()) {
        records.add(info);
        info.recordComponents().forEach(c -> todo.add(c.type()));
      }
    }
    return records;
  }

  static String schemaName(ClassInfo type) {
    AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
    AnnotationValue name = schema == null ? null : schema.value("name");
    return name == null || name.asString().isBlank() ? type.simpleName() : name.asString();
  }

  /** The JSON fields of {@code record}, ignored and hidden ones left out. */
  public static List<Field> of(ClassInfo record) {
    boolean omitsNullsOfAll = omitsNulls(record.declaredAnnotation(JSON_INCLUDE));
    List<Field> fields = new ArrayList<>();
    for (RecordComponentInfo component : record.recordComponents()) {
      FieldInfo field = record.field(component.name());
      AnnotationTarget annotated = field != null ? field : component;
      if (annotated.hasDeclaredAnnotation(JSON_IGNORE) || hidden(annotated)) {
        continue;
      }
      boolean primitive = component.type().kind() == Type.Kind.PRIMITIVE;
      boolean omitted =
          !primitive && (omitsNullsOfAll || omitsNulls(annotated.declaredAnnotation(JSON_INCLUDE)));
      fields.add(
          new Field(
              jsonName(annotated, component.name()),
              component.type(),
              !omitted,
              schemaFlag(annotated, "nullable"),
              BOXED.contains(component.type().name().toString())));
    }
    return fields;
  }

  private static String jsonName(AnnotationTarget annotated, String name) {
    AnnotationInstance property = annotated.declaredAnnotation(JSON_PROPERTY);
    AnnotationValue value = property == null ? null : property.value();
    return value == null || value.asString().isEmpty() ? name : value.asString();
  }

  private static boolean hidden(AnnotationTarget annotated) {
    return schemaFlag(annotated, "hidden");
  }

  private static boolean schemaFlag(AnnotationTarget annotated, String flag) {
    AnnotationInstance schema = annotated.declaredAnnotation(SCHEMA);
    AnnotationValue value = schema == null ? null : schema.value(flag);
    return value != null && value.asBoolean();
  }

  /** Any inclusion other than ALWAYS (or USE_DEFAULTS) may leave a null field out. */
  private static boolean omitsNulls(AnnotationInstance include) {
    if (include == null) {
      return false;
    }
    AnnotationValue value = include.value();
    if (value == null) {
      return false;
    }
    String inclusion = value.asEnum();
    return !inclusion.equals("ALWAYS") && !inclusion.equals("USE_DEFAULTS");
  }
}
