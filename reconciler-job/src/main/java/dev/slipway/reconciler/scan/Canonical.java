package dev.slipway.reconciler.scan;

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
  @SuppressWarnings("unchecked")
  <T> T of(T value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      value = (T) Slim.map(map);
    }
    // A value from a page, not yet seen by another thread: its empty collections can still go.
    Object first = values.putIfAbsent(Slim.deep(value), value);
    return first == null ? value : (T) first;
  }
}
