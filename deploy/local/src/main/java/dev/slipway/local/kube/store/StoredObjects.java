package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What {@link ObjectStore} holds: one {@link TypeIndex} per resource type, the store-wide
 * resourceVersion counter, and the listeners told of every change. It applies writes the store has
 * already decided on; callers hold the store's write lock for {@link #commit} and {@link #remove}.
 */
public final class StoredObjects {

  private final Map<String, TypeIndex> types = new ConcurrentHashMap<>();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private volatile long resourceVersion;

  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  public StoredObject get(ObjectRef ref) {
    TypeIndex index = types.get(ref.type());
    return index == null ? null : index.get(ref.key());
  }

  public int size() {
    return types.values().stream().mapToInt(TypeIndex::size).sum();
  }

  public List<StoredObject> matching(
      String type, String namespace, LabelSelector labels, Predicate<StoredObject> also) {
    TypeIndex index = types.get(type);
    if (index == null) {
      return new ArrayList<>();
    }
    List<StoredObject> result = index.candidates(namespace, labels.equalities());
    result.removeIf(o -> !labels.matches(o.labels()) || !also.test(o));
    return result;
  }

  /** Stores {@code object} as the next resourceVersion of {@code ref} and tells the listeners. */
  public StoredObject commit(
      StoreListener.Change change, StoredObject previous, ObjectRef ref, ObjectNode object) {
    long version = resourceVersion + 1;
    Json.child(object, "metadata").put("resourceVersion", Long.toString(version));
    StoredObject current = StoredObject.of(ref, version, object);
    types.computeIfAbsent(ref.type(), t -> new TypeIndex()).put(previous, current);
    resourceVersion = version;
    listeners.forEach(l -> l.changed(change, previous, current));
    return current;
  }

  /** Removes the object; returns its last state, stamped with the deletion's resourceVersion. */
  public StoredObject remove(StoredObject stored, ObjectNode last) {
    long version = resourceVersion + 1;
    Json.child(last, "metadata").put("resourceVersion", Long.toString(version));
    StoredObject tombstone = StoredObject.of(stored.ref(), version, last);
    types.get(stored.ref().type()).remove(stored);
    resourceVersion = version;
    listeners.forEach(l -> l.changed(StoreListener.Change.DELETED, stored, tombstone));
    return tombstone;
  }
}
