package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.ObjectRef;
import java.util.HashMap;
import java.util.Map;

/** The kind of each resource type the discovery documents announce, e.g. pods → Pod. */
public final class ResourceKinds {

  private final Map<String, String> kinds = new HashMap<>();
  private final Map<String, String> typesByKind = new HashMap<>();

  /**
   * @param resourceLists APIResourceList documents, e.g. the one of {@code /apis/apps/v1}
   */
  public ResourceKinds(Iterable<JsonNode> resourceLists) {
    for (JsonNode list : resourceLists) {
      String groupVersion = list.path("groupVersion").asText();
      int slash = groupVersion.indexOf('/');
      String group = slash < 0 ? "" : groupVersion.substring(0, slash);
      for (JsonNode resource : list.path("resources")) {
        String name = resource.path("name").asText();
        if (!name.contains("/")) {
          kinds.put(ObjectRef.type(group, name), resource.path("kind").asText());
          typesByKind.put(
              group + "/" + resource.path("kind").asText(), ObjectRef.type(group, name));
        }
      }
    }
  }

  /** The kind, or null for a resource no discovery document names. */
  public String kind(String type) {
    return kinds.get(type);
  }

  /** The kind of a list of this type, e.g. DeploymentList; plain List for unknown types. */
  public String listKind(String type) {
    String kind = kinds.get(type);
    return kind == null ? "List" : kind + "List";
  }

  /**
   * The storage type of a kind in an apiVersion ({@code apps/v1}, {@code v1}), or null for a kind
   * no discovery document names.
   */
  public String typeOf(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return typesByKind.get(group + "/" + kind);
  }
}
