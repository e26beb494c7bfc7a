package dev.slipway.local.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 7386 JSON merge patch. The mock's own merge patch goes through Jackson's readerForUpdating,
 * which merges arrays and keeps explicit nulls; a real API server replaces arrays and deletes null
 * fields, so the emulator applies merge patches itself.
 */
public final class MergePatch {

  private MergePatch() {}

  /** Returns a patched copy of {@code target}; {@code target} itself is left untouched. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    mergeInto(result, (ObjectNode) patch);
    return result;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      JsonNode existing = target.get(field.getKey());
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (value.isObject() && existing instanceof ObjectNode existingObject) {
        mergeInto(existingObject, (ObjectNode) value);
      } else if (value.isObject()) {
        ObjectNode fresh = target.putObject(field.getKey());
        mergeInto(fresh, (ObjectNode) value);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }
}
