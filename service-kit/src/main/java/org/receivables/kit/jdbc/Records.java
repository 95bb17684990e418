package org.receivables.kit.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.function.BiFunction;

/**
 * The one record construction of the row readers: each component's value is looked up (by position
 * or by column name, the caller's choice), converted by {@link Columns} and passed to the canonical
 * constructor, so a compact constructor's checks still run.
 */
final class Records {

  private Records() {}

  /**
   * @param value a component's raw column value, given its index and the component
   */
  static <R extends Record> R build(
      Class<R> type, Columns.Nulls nulls, BiFunction<Integer, RecordComponent, Object> value) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int k = 0; k < components.length; k++) {
      types[k] = components[k].getType();
      String where = type.getSimpleName() + "." + components[k].getName();
      args[k] = Columns.convert(value.apply(k, components[k]), types[k], nulls, where);
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
    }
  }
}
