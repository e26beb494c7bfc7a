package dev.slipway.local.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's approximation of server-side apply. There is no field ownership: labels and
 * annotations are merged key by key, every other top-level field the applied object sets (spec,
 * data, type, ...) replaces the stored one, and fields it does not set are kept. Status always
 * stays with the stored object, as do the metadata fields the server owns.
 */
public final class ApplyMerge {

  private static final Set<String> SERVER_METADATA =
      Set.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "generation",
          "managedFields",
          "namespace",
          "name",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "selfLink");

  private static final Set<String> MERGED_METADATA_MAPS = Set.of("labels", "annotations");

  private ApplyMerge() {}

  /** The object to store for an apply onto {@code stored}; a fresh copy, inputs untouched. */
  public static ObjectNode merge(ObjectNode stored, ObjectNode applied) {
    return merge(stored, applied, false);
  }

  /**
   * As {@link #merge(ObjectNode, ObjectNode)}; with {@code status} true (an apply to the status
   * subresource) the applied status is taken and everything else ignored.
   */
  public static ObjectNode merge(ObjectNode stored, ObjectNode applied, boolean status) {
    ObjectNode result = stored.deepCopy();
    if (status) {
      result.set("status", applied.path("status").deepCopy());
      return result;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = applied.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      switch (field.getKey()) {
        case "metadata" -> mergeMetadata(Json.child(result, "metadata"), field.getValue());
        case "status" -> {
          // Status belongs to controllers; an apply to the main resource never changes it.
        }
        default -> result.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return result;
  }

  /** The object to create when nothing is stored yet: the applied one minus server fields. */
  public static ObjectNode forCreate(ObjectNode applied) {
    ObjectNode result = applied.deepCopy();
    ObjectNode metadata = Json.child(result, "metadata");
    metadata.remove("resourceVersion");
    metadata.remove("managedFields");
    return result;
  }

  private static void mergeMetadata(ObjectNode target, JsonNode applied) {
    for (Iterator<Map.Entry<String, JsonNode>> it = applied.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (SERVER_METADATA.contains(key)) {
        continue;
      }
      if (MERGED_METADATA_MAPS.contains(key) && field.getValue().isObject()) {
        Json.child(target, key).setAll((ObjectNode) field.getValue().deepCopy());
      } else {
        target.set(key, field.getValue().deepCopy());
      }
    }
  }
}
