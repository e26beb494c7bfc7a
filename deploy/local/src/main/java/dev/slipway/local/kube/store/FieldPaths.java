package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field paths as server-side apply tracks them, in kube's FieldsV1 segments: {@code f:<name>} for a
 * map key, {@code k:{"name":"x"}} for a list item found by its merge key and {@code .} for the item
 * itself. Only leaves (and keyed items) are tracked; a list without a merge key is atomic.
 */
public final class FieldPaths {

  /** Merge keys in the order they are tried (containers, env, volumes by name; ports...). */
  private static final List<String> MERGE_KEYS =
      List.of("name", "containerPort", "port", "mountPath", "devicePath", "ip", "type");

  private static final Set<String> SKIPPED_TOP = Set.of("apiVersion", "kind", "status");
  private static final Set<String> SKIPPED_METADATA =
      Set.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "generation",
          "managedFields",
          "namespace",
          "name",
          "deletionTimestamp",
          "selfLink");

  private FieldPaths() {}

  /** The leaf paths an object sets, server-owned fields excluded. */
  static Set<List<String>> of(JsonNode object) {
    Set<List<String>> result = new LinkedHashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (SKIPPED_TOP.contains(key)) {
        continue;
      }
      if (key.equals("metadata")) {
        for (Iterator<Map.Entry<String, JsonNode>> m = field.getValue().fields(); m.hasNext(); ) {
          Map.Entry<String, JsonNode> meta = m.next();
          if (!SKIPPED_METADATA.contains(meta.getKey())) {
            collect(meta.getValue(), List.of("f:metadata", "f:" + meta.getKey()), result);
          }
        }
      } else {
        collect(field.getValue(), List.of("f:" + key), result);
      }
    }
    return result;
  }

  private static void collect(JsonNode node, List<String> path, Set<List<String>> out) {
    if (node.isObject() && !node.isEmpty()) {
      node.fields()
          .forEachRemaining(f -> collect(f.getValue(), with(path, "f:" + f.getKey()), out));
    } else if (node.isArray() && keyed((ArrayNode) node)) {
      for (JsonNode item : node) {
        List<String> itemPath = with(path, itemKey(item));
        out.add(with(itemPath, "."));
        item.fields()
            .forEachRemaining(f -> collect(f.getValue(), with(itemPath, "f:" + f.getKey()), out));
      }
    } else {
      out.add(path);
    }
  }

  /** The merge key of a list whose items all have one, else null. */
  public static String listKey(JsonNode array) {
    return array instanceof ArrayNode a && keyed(a) ? mergeKey(a.get(0)) : null;
  }

  private static boolean keyed(ArrayNode array) {
    if (array.isEmpty()) {
      return false;
    }
    for (JsonNode item : array) {
      if (!item.isObject() || mergeKey(item) == null) {
        return false;
      }
    }
    return true;
  }

  private static String mergeKey(JsonNode item) {
    return MERGE_KEYS.stream().filter(item::hasNonNull).findFirst().orElse(null);
  }

  private static String itemKey(JsonNode item) {
    String key = mergeKey(item);
    ObjectNode k = Json.object();
    k.set(key, item.get(key));
    return "k:" + k;
  }

  private static List<String> with(List<String> path, String segment) {
    List<String> result = new ArrayList<>(path);
    result.add(segment);
    return List.copyOf(result);
  }

  /** The value at a path, or null when absent. */
  static JsonNode get(JsonNode object, List<String> path) {
    JsonNode node = object;
    for (String segment : path) {
      if (node == null) {
        return null;
      }
      node = step(node, segment);
    }
    return node;
  }

  private static JsonNode step(JsonNode node, String segment) {
    if (segment.equals(".")) {
      return node;
    }
    if (segment.startsWith("f:")) {
      return node.isObject() ? node.get(segment.substring(2)) : null;
    }
    return node.isArray() ? item((ArrayNode) node, segment) : null;
  }

  private static JsonNode item(ArrayNode array, String segment) {
    JsonNode key =
        Json.parse(segment.substring(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Map.Entry<String, JsonNode> entry = key.fields().next();
    for (JsonNode item : array) {
      if (entry.getValue().equals(item.get(entry.getKey()))) {
        return item;
      }
    }
    return null;
  }

  /** Removes the field (or, for a path ending in {@code .}, the list item) if present. */
  static void remove(JsonNode object, List<String> path) {
    boolean wholeItem = path.get(path.size() - 1).equals(".");
    List<String> target = wholeItem ? path.subList(0, path.size() - 1) : path;
    JsonNode parent = get(object, target.subList(0, target.size() - 1));
    String last = target.get(target.size() - 1);
    if (parent instanceof ObjectNode map && last.startsWith("f:")) {
      map.remove(last.substring(2));
    } else if (parent instanceof ArrayNode array && last.startsWith("k:")) {
      JsonNode item = item(array, last);
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) == item) {
          array.remove(i);
          break;
        }
      }
    }
  }

  /** kube's display form, e.g. {@code .spec.template.spec.containers[name="app"].image}. */
  static String display(List<String> path) {
    StringBuilder result = new StringBuilder();
    for (String segment : path) {
      if (segment.startsWith("f:")) {
        result.append('.').append(segment.substring(2));
      } else if (segment.startsWith("k:")) {
        JsonNode key =
            Json.parse(segment.substring(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map.Entry<String, JsonNode> entry = key.fields().next();
        result.append('[').append(entry.getKey()).append('=').append(entry.getValue()).append(']');
      }
    }
    return result.toString();
  }

  /** The FieldsV1 tree of a set of paths: nested objects, a leaf is an empty object. */
  static ObjectNode toFieldsV1(Set<List<String>> paths) {
    ObjectNode root = Json.object();
    for (List<String> path : paths) {
      ObjectNode node = root;
      for (String segment : path) {
        node = Json.child(node, segment);
      }
    }
    return root;
  }

  /** The leaf paths of a FieldsV1 tree. */
  static Set<List<String>> fromFieldsV1(JsonNode tree) {
    Set<List<String>> result = new LinkedHashSet<>();
    leaves(tree, List.of(), result);
    return result;
  }

  private static void leaves(JsonNode node, List<String> path, Set<List<String>> out) {
    if (node.isEmpty() && !path.isEmpty()) {
      out.add(path);
    }
    node.fields().forEachRemaining(f -> leaves(f.getValue(), with(path, f.getKey()), out));
  }
}
