package dev.slipway.local.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One immutable stored version of an object. It keeps the serialized JSON, not a tree: reads and
 * lists copy bytes instead of serializing, and the tree is parsed only by writers that need it.
 * Labels are extracted once for the label index and selector matching.
 */
public record StoredObject(
    ObjectRef ref, long resourceVersion, Map<String, String> labels, byte[] json) {

  public static StoredObject of(ObjectRef ref, long resourceVersion, ObjectNode object) {
    try {
      return new StoredObject(
          ref, resourceVersion, labelsOf(object), Json.MAPPER.writeValueAsBytes(object));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh mutable tree of the stored JSON. */
  public ObjectNode tree() {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String namespace() {
    return ref.namespace();
  }

  public String name() {
    return ref.name();
  }

  private static Map<String, String> labelsOf(JsonNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    if (labels.isEmpty()) {
      return Map.of();
    }
    Map<String, String> result = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      result.put(label.getKey(), label.getValue().asText());
    }
    return Map.copyOf(result);
  }
}
