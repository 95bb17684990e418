package org.receivables.events.asyncapi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.receivables.events.DomainEvent;
import org.receivables.events.MissingFieldException;

/**
 * Learns from an event record (or a webhook payload record) itself what its contract is: which
 * fields its constructor requires (by leaving out one field at a time and seeing which {@link
 * MissingFieldException} it throws) and which field is the CloudEvent subject. Also builds real
 * instances, through the record's own constructor, with every field set or with only the required
 * ones.
 */
final class RecordProbe {

  private RecordProbe() {}

  /** The fields whose absence the record's constructor refuses, primitives included. */
  static Set<String> requiredFields(Class<?> record) {
    Set<String> required = new LinkedHashSet<>();
    RecordComponent[] components = record.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (components[i].getType().isPrimitive()) {
        required.add(components[i].getName());
        continue;
      }
      Object[] args = fullArguments(record);
      args[i] = null;
      try {
        construct(record, args);
      } catch (MissingFieldException e) {
        if (!e.field().equals(components[i].getName())) {
          throw new IllegalStateException(
              record.getSimpleName() + " names " + e.field() + " for " + components[i].getName(),
              e);
        }
        required.add(components[i].getName());
      }
    }
    return required;
  }

  /** The record component that the event returns as its CloudEvent subject. */
  static String subjectField(Class<? extends DomainEvent> record) {
    DomainEvent event = full(record);
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getType() == String.class && event.subject().equals(value(event, component))) {
        return component.getName();
      }
    }
    throw new IllegalStateException(record.getSimpleName() + ": subject is none of its fields");
  }

  /** An instance with every field set, each string to a value of its own. */
  static <T> T full(Class<T> record) {
    return construct(record, fullArguments(record));
  }

  /** An instance with only the required fields set: what an event may carry at the least. */
  static <T> T minimal(Class<T> record) {
    Set<String> required = requiredFields(record);
    Object[] args = fullArguments(record);
    RecordComponent[] components = record.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (!required.contains(components[i].getName())) {
        args[i] = null;
      }
    }
    return construct(record, args);
  }

  private static Object[] fullArguments(Class<?> record) {
    List<Object> args = new ArrayList<>();
    for (RecordComponent component : record.getRecordComponents()) {
      args.add(sample(component.getType(), component.getGenericType(), component.getName()));
    }
    return args.toArray();
  }

  private static Object sample(Class<?> type, Type generic, String name) {
    if (type == String.class) {
      return name + "-1";
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("1200.50");
    }
    if (type == LocalDate.class) {
      return LocalDate.of(2026, 1, 31);
    }
    if (type == Instant.class) {
      return Instant.parse("2026-12-06T10:15:30Z");
    }
    if (type == int.class || type == Integer.class) {
      return 3;
    }
    if (type == long.class || type == Long.class) {
      return 7L;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == List.class && generic instanceof ParameterizedType list) {
      Type item = list.getActualTypeArguments()[0];
      return List.of(sample((Class<?>) item, item, name), sample((Class<?>) item, item, name));
    }
    if (type.isRecord()) {
      return full(type);
    }
    throw new IllegalStateException("No sample for " + type + " (" + name + "): add one here");
  }

  private static Object value(Object record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T construct(Class<T> record, Object[] args) {
    Class<?>[] types =
        java.util.Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      Constructor<T> canonical = record.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
