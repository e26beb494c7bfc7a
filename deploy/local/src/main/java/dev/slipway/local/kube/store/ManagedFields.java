package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * {@code metadata.managedFields}: which manager owns which fields, per operation (Apply or Update).
 * Apply conflicts, forced takeovers and the "drop only what nobody else owns" rule of server-side
 * apply are decided here; see deploy/local/docs/kube-emulator.md.
 */
public final class ManagedFields {

  /** The manager kube's HPA controller writes the scale subresource as. */
  public static final String AUTOSCALER = "kube-controller-manager";

  /**
   * Stands in for kube's default (the first token of the User-Agent), which the emulator's requests
   * do not carry.
   */
  public static final String UNNAMED = "unknown";

  private record Owner(String manager, String operation, String subresource) {}

  private final Map<Owner, Set<List<String>>> owners = new LinkedHashMap<>();
  private final Map<Owner, String> apiVersions = new LinkedHashMap<>();

  private ManagedFields(JsonNode object) {
    for (JsonNode entry : object.path("metadata").path("managedFields")) {
      Owner owner =
          new Owner(
              entry.path("manager").asText(),
              entry.path("operation").asText(),
              entry.path("subresource").asText(""));
      owners.put(owner, FieldPaths.fromFieldsV1(entry.path("fieldsV1")));
      apiVersions.put(owner, entry.path("apiVersion").asText());
    }
  }

  /**
   * The object to store for an apply of {@code applied} by {@code manager} onto {@code stored}
   * (null when creating), {@code merge} building the result from the pruned stored object (null
   * when creating) and the applied one: 409 on conflicts unless forced, then fields this manager
   * stopped applying are removed unless another manager owns them, and the applied ones merged in.
   */
  public static ObjectNode apply(
      ObjectNode stored,
      ObjectNode applied,
      String manager,
      boolean force,
      boolean status,
      BinaryOperator<ObjectNode> merge) {
    ObjectNode base = stored == null ? Json.object() : stored;
    ManagedFields fields = new ManagedFields(base);
    Owner me = new Owner(manager, "Apply", status ? "status" : "");
    Set<List<String>> mine = status ? statusPaths(applied) : FieldPaths.of(applied);
    Map<List<String>, String> conflicts = new LinkedHashMap<>();
    fields.owners.forEach(
        (owner, paths) -> {
          if (owner.equals(me)) {
            return;
          }
          for (List<String> path : paths) {
            if (mine.contains(path) && !same(base, applied, path)) {
              conflicts.putIfAbsent(path, owner.manager());
            }
          }
        });
    if (!conflicts.isEmpty() && !force) {
      throw conflict(conflicts);
    }
    Set<List<String>> previous = fields.owners.getOrDefault(me, Set.of());
    ObjectNode result =
        merge.apply(stored == null ? null : without(stored, previous, mine, fields, me), applied);
    fields.owners.values().forEach(paths -> paths.removeAll(conflicts.keySet()));
    fields.owners.put(me, new LinkedHashSet<>(mine));
    fields.apiVersions.put(me, applied.path("apiVersion").asText());
    fields.writeTo(result);
    return result;
  }

  /**
   * Records a non-apply write: {@code manager} (operation Update) takes the fields whose value
   * changed from {@code before} to {@code after}, as kube does without conflicts.
   */
  public static ObjectNode recordUpdate(
      ObjectNode before, ObjectNode after, String manager, String subresource) {
    ManagedFields fields = new ManagedFields(before);
    Set<List<String>> changed = new LinkedHashSet<>();
    for (List<String> path : FieldPaths.of(after)) {
      if (!same(before, after, path)) {
        changed.add(path);
      }
    }
    if (changed.isEmpty()) {
      fields.writeTo(after);
      return after;
    }
    Owner me = new Owner(manager, "Update", subresource);
    fields.owners.values().forEach(paths -> paths.removeAll(changed));
    fields.owners.computeIfAbsent(me, o -> new LinkedHashSet<>()).addAll(changed);
    fields.apiVersions.put(me, after.path("apiVersion").asText());
    fields.writeTo(after);
    return after;
  }

  /** The manager of a non-apply write: its fieldManager parameter, as kube records it. */
  public static String updater(String fieldManager) {
    return fieldManager == null || fieldManager.isEmpty() ? UNNAMED : fieldManager;
  }

  private static Set<List<String>> statusPaths(ObjectNode applied) {
    Set<List<String>> result = new LinkedHashSet<>();
    for (List<String> path : FieldPaths.of(Json.object().set("x", applied.path("status")))) {
      List<String> renamed = new ArrayList<>(path);
      renamed.set(0, "f:status");
      result.add(List.copyOf(renamed));
    }
    return result;
  }

  private static ObjectNode without(
      ObjectNode stored,
      Set<List<String>> previous,
      Set<List<String>> mine,
      ManagedFields fields,
      Owner me) {
    ObjectNode result = stored.deepCopy();
    for (List<String> path : previous) {
      boolean ownedElsewhere =
          fields.owners.entrySet().stream()
              .anyMatch(e -> !e.getKey().equals(me) && owns(e.getValue(), path));
      if (!mine.contains(path) && !ownedElsewhere) {
        FieldPaths.remove(result, path);
      }
    }
    return result;
  }

  /** True when the set holds the path or a field below it (an owned list item keeps its item). */
  private static boolean owns(Set<List<String>> paths, List<String> path) {
    List<String> prefix =
        path.get(path.size() - 1).equals(".") ? path.subList(0, path.size() - 1) : path;
    return paths.stream()
        .anyMatch(p -> p.size() >= prefix.size() && p.subList(0, prefix.size()).equals(prefix));
  }

  private static boolean same(JsonNode a, JsonNode b, List<String> path) {
    JsonNode left = FieldPaths.get(a, path);
    JsonNode right = FieldPaths.get(b, path);
    return left == null ? right == null : left.equals(right);
  }

  private static ApiException conflict(Map<List<String>, String> conflicts) {
    StringBuilder message =
        new StringBuilder("Apply failed with ")
            .append(conflicts.size())
            .append(conflicts.size() == 1 ? " conflict: " : " conflicts: ");
    List<String> causes = new ArrayList<>();
    conflicts.forEach(
        (path, manager) ->
            causes.add("conflict with \"" + manager + "\": " + FieldPaths.display(path)));
    message.append(String.join("\n", causes));
    ApiException exception = new ApiException(409, "Conflict", message.toString());
    conflicts.forEach(
        (path, manager) ->
            exception.cause(
                "FieldManagerConflict",
                "conflict with \"" + manager + "\"",
                FieldPaths.display(path)));
    return exception;
  }

  private void writeTo(ObjectNode object) {
    ArrayNode entries = Json.MAPPER.createArrayNode();
    owners.forEach(
        (owner, paths) -> {
          if (paths.isEmpty()) {
            return;
          }
          ObjectNode entry = entries.addObject();
          entry.put("manager", owner.manager());
          entry.put("operation", owner.operation());
          entry.put("apiVersion", apiVersions.getOrDefault(owner, ""));
          entry.put("fieldsType", "FieldsV1");
          entry.set("fieldsV1", FieldPaths.toFieldsV1(paths));
          if (!owner.subresource().isEmpty()) {
            entry.put("subresource", owner.subresource());
          }
        });
    Json.child(object, "metadata").set("managedFields", entries);
  }
}
