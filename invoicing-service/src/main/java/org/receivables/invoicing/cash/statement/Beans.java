package org.receivables.invoicing.cash.statement;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks the JAXB classes of ISO 20022 messages by element name. The twelve camt.053 versions are
 * twelve families of classes (ReportEntry2 ... ReportEntry14) whose elements keep their names, so
 * one walk by name reads them all, where typed code would be written twelve times.
 */
final class Beans {

  private static final Map<String, Optional<Method>> GETTERS = new ConcurrentHashMap<>();

  private Beans() {}

  /** The value at {@code path} (element names), the first item of any list on the way; or null. */
  static Object get(Object root, String... path) {
    Object o = root;
    for (String name : path) {
      if (o instanceof List<?> list) {
        o = list.isEmpty() ? null : list.get(0);
      }
      if (o == null) {
        return null;
      }
      o = call(o, name);
    }
    return o;
  }

  /** The items of the repeated element {@code name} of {@code o}; empty when absent. */
  static List<?> list(Object o, String name) {
    Object v = o == null ? null : call(o, name);
    if (v == null) {
      return List.of();
    }
    return v instanceof List<?> l ? l : List.of(v);
  }

  /** A code as text: an enum's name or a choice's {@code Cd}. */
  static String code(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Enum<?> e) {
      return e.name();
    }
    if (o instanceof String s) {
      return s;
    }
    Object cd = call(o, "Cd");
    return cd == null ? null : code(cd);
  }

  static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static Object call(Object o, String name) {
    Optional<Method> getter =
        GETTERS.computeIfAbsent(o.getClass().getName() + "#" + name, k -> find(o.getClass(), name));
    if (getter.isEmpty()) {
      return null;
    }
    try {
      return getter.get().invoke(o);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + o.getClass(), e);
    }
  }

  private static Optional<Method> find(Class<?> type, String name) {
    for (String prefix : new String[] {"get", "is"}) {
      try {
        return Optional.of(type.getMethod(prefix + name));
      } catch (NoSuchMethodException e) {
        // try the next prefix
      }
    }
    return Optional.empty();
  }
}
