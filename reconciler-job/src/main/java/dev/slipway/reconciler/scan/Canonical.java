package dev.slipway.reconciler.scan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each equal value a listing keeps, for the values that repeat across objects: a
 * tenant's labels (the same on its Deployment, Service and Ingress), a plan's resources, the
 * probes, a ready pod's conditions and container statuses. At 100,000 tenants a pass holds half a
 * million listed objects until it has classified them; sharing what repeats is most of their weight
 * (docs/benchmarks.md, P4 at 100,000 tenants). Safe because nothing in a pass modifies a listed
 * object; one instance per listing, shared by its listing threads, dropped with it.
 */
final class Canonical {
  private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

  /** The first value seen equal to {@code value}, or {@code value} itself; null stays null. */
  <T> T of(T value) {
    return value == null ? null : shared(value, value);
  }

  /**
   * As {@link #of(Object)}, found by {@code key} instead of the value's own hash: for a value whose
   * {@code hashCode} is dear (a Quantity hashes its parsed decimal amount; resources are a map of
   * them), with a key its text gives cheaply.
   */
  <T> T of(String key, T value) {
    return value == null ? null : shared(new Keyed(value.getClass(), key), value);
  }

  @SuppressWarnings("unchecked")
  private <T> T shared(Object key, T value) {
    Object known = values.get(key);
    if (known != null) {
      return (T) known;
    }
    // The first of its kind, from a page no other thread has seen: made compact before it is kept.
    T compact = value instanceof Map<?, ?> map ? (T) Slim.map(map) : Slim.deep(value);
    known = values.putIfAbsent(key == value ? compact : key, compact);
    return known == null ? compact : (T) known;
  }

  private record Keyed(Class<?> type, String key) {}
}
