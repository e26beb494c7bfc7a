package dev.slipway.reconciler.scan;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the empty collections of a kept model object with the shared immutable empties. Every
 * fabric8 model object is born with a fresh {@code LinkedHashMap} of additional properties and a
 * fresh {@code ArrayList} for each of its list fields (ObjectMeta four, PodSpec a dozen); in a
 * listing cut down to the compared fields these were two fifths of the heap, about 2.8 KiB a tenant
 * (docs/benchmarks.md, P4 at 100,000 tenants). Safe for the same reason {@link Canonical} is:
 * nothing in a pass adds to a listed object. Written here because the model offers no way to be
 * built without them; the accessors are found once per class.
 */
final class Slim {
  private static final String MODEL = "io.fabric8.kubernetes.api.model";
  private static final ClassValue<List<Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
          return properties(type);
        }
      };

  private Slim() {}

  private record Property(MethodHandle getter, MethodHandle setter, Object empty) {}

  /** {@code fresh} with its empty collections replaced; for an object built by the pass. */
  static <T> T shed(T fresh) {
    for (Property p : PROPERTIES.get(fresh.getClass())) {
      if (p.empty() != null && isEmptyMutable(get(p, fresh))) {
        set(p, fresh, p.empty());
      }
    }
    return fresh;
  }

  /** As {@link #shed}, through every model object {@code listed} holds (a value from a page). */
  static <T> T deep(T listed) {
    if (listed instanceof List<?> list) {
      list.forEach(Slim::deep);
    } else if (listed != null && listed.getClass().getName().startsWith(MODEL)) {
      for (Property p : PROPERTIES.get(listed.getClass())) {
        Object value = get(p, listed);
        if (p.empty() != null && isEmptyMutable(value)) {
          set(p, listed, p.empty());
        } else if (!(value instanceof Map<?, ?>)) {
          deep(value);
        }
      }
    }
    return listed;
  }

  /**
   * {@code listed} as an immutable map: a label or annotation map of a few entries takes about a
   * quarter of a {@code LinkedHashMap}'s heap. Kept as it is when a value is null (not from a
   * server, but {@link Map#copyOf} refuses it).
   */
  static <K, V> Map<K, V> map(Map<K, V> listed) {
    if (listed == null) {
      return null;
    }
    for (Map.Entry<K, V> entry : listed.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        return listed; // (containsKey(null) itself throws on an immutable map)
      }
    }
    return Map.copyOf(listed);
  }

  private static boolean isEmptyMutable(Object value) {
    return (value instanceof ArrayList<?> l && l.isEmpty())
        || (value instanceof LinkedHashMap<?, ?> m && m.isEmpty());
  }

  /** Each getX/setX pair whose type is a List, a Map or another model class. */
  private static List<Property> properties(Class<?> type) {
    List<Property> found = new ArrayList<>();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (Method setter : type.getMethods()) {
      Class<?>[] params = setter.getParameterTypes();
      if (!setter.getName().startsWith("set")
          || params.length != 1
          || Modifier.isStatic(setter.getModifiers())) {
        continue;
      }
      Object empty = params[0] == List.class ? List.of() : params[0] == Map.class ? Map.of() : null;
      if (empty == null && !params[0].getName().startsWith(MODEL)) {
        continue;
      }
      try {
        Method getter = type.getMethod("get" + setter.getName().substring(3));
        if (getter.getReturnType() != params[0]) {
          continue;
        }
        found.add(
            new Property(
                lookup.unreflect(getter).asType(MethodType.methodType(Object.class, Object.class)),
                lookup
                    .unreflect(setter)
                    .asType(MethodType.methodType(void.class, Object.class, Object.class)),
                empty));
      } catch (NoSuchMethodException | IllegalAccessException e) {
        // no public getter of the same type: not a property Slim can shed
      }
    }
    return List.copyOf(found);
  }

  private static Object get(Property p, Object target) {
    try {
      return p.getter().invokeExact(target);
    } catch (Throwable e) {
      throw new IllegalStateException("model getter failed", e);
    }
  }

  private static void set(Property p, Object target, Object value) {
    try {
      p.setter().invokeExact(target, value);
    } catch (Throwable e) {
      throw new IllegalStateException("model setter failed", e);
    }
  }
}
