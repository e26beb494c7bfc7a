package dev.slipway.worker.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Deployments (namespace/name) whose last status write failed, and the lock that orders a
 * Deployment's writes: an informer event and a retry of the same Deployment never write at the same
 * time, so a retry that read an older state cannot land after the event that wrote a newer one.
 */
final class UnwrittenStatus {
  private static final int STRIPES = 64;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final Object[] locks = new Object[STRIPES];

  UnwrittenStatus() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  static String key(Deployment deployment) {
    return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
  }

  static String namespaceOf(String key) {
    return key.substring(0, key.indexOf('/'));
  }

  Object lock(String key) {
    return locks[Math.floorMod(key.hashCode(), STRIPES)];
  }

  void failed(String key) {
    keys.add(key);
  }

  void written(String key) {
    keys.remove(key);
  }

  /** Live view, for iterating and for the pending-writes gauge. */
  Set<String> keys() {
    return keys;
  }
}
