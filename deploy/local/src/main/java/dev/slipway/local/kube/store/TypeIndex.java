package dev.slipway.local.kube.store;

import dev.slipway.local.kube.api.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The objects of one resource type, sorted by namespace/name (the order a real API server lists in,
 * since etcd keys sort that way), plus an index from label key and value to object keys. A GET is
 * one map lookup, a write costs O(log n) per label, and a LIST walks only its namespace's key range
 * or the smallest matching label set. Mutations run under the store's write lock; the label index
 * is read under its read lock, the object map without any lock.
 */
public final class TypeIndex {

  private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
  private final Map<String, Map<String, NavigableSet<String>>> labels = new HashMap<>();

  public StoredObject get(String key) {
    return objects.get(key);
  }

  public int size() {
    return objects.size();
  }

  public void put(StoredObject previous, StoredObject current) {
    objects.put(current.ref().key(), current);
    // Most updates keep the labels: then the label index already holds this key.
    if (previous != null && previous.labels().equals(current.labels())) {
      return;
    }
    if (previous != null) {
      unindex(previous);
    }
    current.labels().forEach((k, v) -> valueSet(k, v).add(current.ref().key()));
  }

  public void remove(StoredObject previous) {
    objects.remove(previous.ref().key());
    unindex(previous);
  }

  /**
   * The objects of a namespace ({@code ""}: all), in key order, narrowed first by the smallest of
   * the given label equalities; the caller still applies the full selector.
   */
  public List<StoredObject> candidates(String namespace, Map<String, String> labelEqualities) {
    NavigableSet<String> keys = smallestLabelSet(labelEqualities);
    if (keys == null) {
      return new ArrayList<>(namespaceRange(objects, namespace).values());
    }
    NavigableSet<String> range =
        namespace.isEmpty() ? keys : keys.subSet(namespace + "/", true, namespace + "0", false);
    List<StoredObject> result = new ArrayList<>(range.size());
    for (String key : range) {
      result.add(objects.get(key));
    }
    return result;
  }

  /** Null when no equality narrows the search, an empty set when one matches nothing. */
  private NavigableSet<String> smallestLabelSet(Map<String, String> equalities) {
    NavigableSet<String> best = null;
    for (Map.Entry<String, String> equality : equalities.entrySet()) {
      NavigableSet<String> keys =
          labels.getOrDefault(equality.getKey(), Map.of()).get(equality.getValue());
      if (keys == null) {
        return new TreeSet<>();
      }
      if (best == null || keys.size() < best.size()) {
        best = keys;
      }
    }
    return best;
  }

  private static <V> NavigableMap<String, V> namespaceRange(
      ConcurrentSkipListMap<String, V> map, String namespace) {
    // '0' follows '/' in ASCII, so [ns/, ns0) holds exactly the keys of namespace ns.
    return namespace.isEmpty() ? map : map.subMap(namespace + "/", true, namespace + "0", false);
  }

  private NavigableSet<String> valueSet(String key, String value) {
    return labels
        .computeIfAbsent(key, k -> new HashMap<>())
        .computeIfAbsent(value, v -> new TreeSet<>());
  }

  private void unindex(StoredObject object) {
    object
        .labels()
        .forEach(
            (k, v) -> {
              Map<String, NavigableSet<String>> values = labels.get(k);
              NavigableSet<String> keys = values == null ? null : values.get(v);
              if (keys != null && keys.remove(object.ref().key()) && keys.isEmpty()) {
                values.remove(v);
              }
            });
  }
}
