package dev.slipway.local.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.store.FieldPaths;
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
        default ->
            result.set(field.getKey(), deepMerge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  /**
   * Maps merge key by key and lists of keyed items item by item, as server-side apply does; the
   * fields another manager owns therefore survive. Any other value is replaced.
   */
  private static JsonNode deepMerge(JsonNode stored, JsonNode applied) {
    if (applied.isObject() && stored != null && stored.isObject()) {
      ObjectNode result = (ObjectNode) stored.deepCopy();
      applied
          .fields()
          .forEachRemaining(
              f -> result.set(f.getKey(), deepMerge(result.get(f.getKey()), f.getValue())));
      return result;
    }
    if (applied.isArray() && stored != null && stored.isArray()) {
      String key = FieldPaths.listKey(applied);
      if (key != null && FieldPaths.listKey(stored) != null) {
        com.fasterxml.jackson.databind.node.ArrayNode result = Json.MAPPER.createArrayNode();
        java.util.List<JsonNode> rest = new java.util.ArrayList<>();
        stored.forEach(rest::add);
        for (JsonNode item : applied) {
          JsonNode match =
              rest.stream().filter(s -> item.get(key).equals(s.get(key))).findFirst().orElse(null);
          rest.remove(match);
          result.add(deepMerge(match, item));
        }
        rest.forEach(result::add);
        return result;
      }
    }
    return applied.deepCopy();
  }

  /** The object to create when nothing is stored yet: the applied one minus server fields. */
  public static ObjectNode forCreate(ObjectNode applied) {
    ObjectNode result = applied.deepCopy();
    ObjectNode metadata = Json.child(result, "metadata");
    metadata.remove("resourceVersion");
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
