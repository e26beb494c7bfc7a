package dev.slipway.local.kube.store;

import dev.slipway.local.kube.api.StoredObject;

/**
 * Receives every change of the {@link ObjectStore}, in resourceVersion order, under the store's
 * write lock: it must hand the change over and never block.
 */
public interface StoreListener {

  /** What happened to an object, with the watch event type names. */
  public enum Change {
    ADDED,
    MODIFIED,
    DELETED
  }

  /**
   * @param previous the version before the change, null for ADDED
   * @param current the new version; for DELETED the last state with the deletion's resourceVersion
   */
  void changed(Change change, StoredObject previous, StoredObject current);
}
