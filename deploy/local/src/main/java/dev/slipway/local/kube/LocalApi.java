package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated controller's view of the store: direct calls, no HTTP, but the same write rules,
 * lock and watch events as an external client's requests.
 */
final class LocalApi {

  private final ObjectStore store;

  LocalApi(ObjectStore store) {
    this.store = store;
  }

  /** The object, or null when it does not exist. */
  JsonNode get(ObjectRef ref) {
    StoredObject stored = store.get(ref);
    return stored == null ? null : stored.tree();
  }

  List<JsonNode> list(ObjectRef collection, LabelSelector selector) {
    List<JsonNode> items = new ArrayList<>();
    for (StoredObject object :
        store.list(collection.type(), collection.namespace(), selector, o -> true).items()) {
      items.add(object.tree());
    }
    return items;
  }

  /** Creates an object; returns the stored object, or null when it could not be created. */
  JsonNode create(ObjectRef ref, ObjectNode object) {
    try {
      return store.create(ref, object).tree();
    } catch (ApiException e) {
      return null;
    }
  }

  /** Writes the status subresource; false when the object is gone. */
  boolean putStatus(ObjectRef ref, JsonNode status) {
    try {
      store.update(ref, stored -> (ObjectNode) stored.set("status", status.deepCopy()), null, true);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /** Sets {@code spec.replicas}, as a scale-subresource write; false when the object is gone. */
  boolean scale(ObjectRef ref, int replicas) {
    try {
      store.update(
          ref,
          tree -> {
            ((ObjectNode) tree.path("spec")).put("replicas", replicas);
            return tree;
          },
          null,
          false);
      return true;
    } catch (ApiException | ClassCastException e) {
      return false;
    }
  }

  void delete(ObjectRef ref) {
    try {
      store.delete(ref, o -> true);
    } catch (ApiException alreadyGone) {
      // The outcome the controller wanted.
    }
  }
}
