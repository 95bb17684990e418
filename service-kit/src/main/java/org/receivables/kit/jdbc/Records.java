package org.receivables.kit.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.function.BiFunction;

/**
 * The one record construction of the row readers: each component's value is looked up (at the
 * position {@link NamedRows} matched to its column name), converted by {@link Columns} and passed
 * to the canonical constructor, so a compact constructor's checks still run. What reflection tells
 * of a record type is looked up once per type ({@link Shape}): a dunning run reads a million rows
 * through here.
 */
final class Records {

  /** A record type's components, their column names and its canonical constructor. */
  record Shape(
      RecordComponent[] components,
      Class<?>[] types,
      String[] columns,
      String[] wheres,
      Constructor<?> constructor) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Class<?>[] types = new Class<?>[components.length];
          String[] columns = new String[components.length];
          String[] wheres = new String[components.length];
          for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            columns[k] = NamedRows.column(components[k].getName());
            wheres[k] = type.getSimpleName() + "." + components[k].getName();
          }
          try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new Shape(components, types, columns, wheres, constructor);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
          }
        }
      };

  private Records() {}

  static Shape shape(Class<? extends Record> type) {
    return SHAPES.get(type);
  }

  /**
   * @param value a component's raw column value, given its index and the component
   */
  static <R extends Record> R build(
      Class<R> type, Columns.Nulls nulls, BiFunction<Integer, RecordComponent, Object> value) {
    Shape shape = SHAPES.get(type);
    Object[] args = new Object[shape.components().length];
    for (int k = 0; k < args.length; k++) {
      args[k] =
          Columns.convert(
              value.apply(k, shape.components()[k]), shape.types()[k], nulls, shape.wheres()[k]);
    }
    try {
      return type.cast(shape.constructor().newInstance(args));
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
