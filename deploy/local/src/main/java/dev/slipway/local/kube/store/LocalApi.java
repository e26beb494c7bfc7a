package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated controller's view of the store: direct calls, no HTTP, but the same write rules,
 * lock and watch events as an external client's requests.
 */
public final class LocalApi {

  private final ObjectStore store;

  public LocalApi(ObjectStore store) {
    this.store = store;
  }

  /** The object, or null when it does not exist. */
  public JsonNode get(ObjectRef ref) {
    StoredObject stored = store.get(ref);
    return stored == null ? null : stored.tree();
  }

  public List<JsonNode> list(ObjectRef collection, LabelSelector selector) {
    List<JsonNode> items = new ArrayList<>();
    for (StoredObject object :
        store.list(collection.type(), collection.namespace(), selector, o -> true).items()) {
      items.add(object.tree());
    }
    return items;
  }

  /** Creates an object; returns the stored object, or null when it could not be created. */
  public JsonNode create(ObjectRef ref, ObjectNode object) {
    try {
      return store.create(ref, object).tree();
    } catch (ApiException e) {
      return null;
    }
  }

  /** Writes the status subresource; false when the object is gone. */
  public boolean putStatus(ObjectRef ref, JsonNode status) {
    try {
      store.update(ref, stored -> (ObjectNode) stored.set("status", status.deepCopy()), null, true);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /**
   * Sets {@code spec.replicas} as the HPA controller's scale-subresource write (so it owns the
   * field); false when the object is gone.
   */
  public boolean scale(ObjectRef ref, int replicas) {
    try {
      store.update(
          ref,
          tree -> {
            ObjectNode before = tree.deepCopy();
            ((ObjectNode) tree.path("spec")).put("replicas", replicas);
            return ManagedFields.recordUpdate(before, tree, ManagedFields.AUTOSCALER, "scale");
          },
          null,
          false);
      return true;
    } catch (ApiException | ClassCastException e) {
      return false;
    }
  }

  public void delete(ObjectRef ref) {
    try {
      store.delete(ref, o -> true);
    } catch (ApiException alreadyGone) {
      // The outcome the controller wanted.
    }
  }
}
