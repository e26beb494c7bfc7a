package dev.slipway.local.kube.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * A skeleton of {@code /openapi/v3}: no schemas, only a PATCH operation per resource that declares
 * the {@code fieldValidation} query parameter. That is what kubectl looks for to hand validation to
 * the server instead of downloading schemas; the emulator then accepts whatever is sent.
 */
public final class OpenApiV3 {

  private OpenApiV3() {}

  /**
   * Documents keyed by path: the root index and one per group-version.
   *
   * @param resourceLists APIResourceList documents keyed by their path, e.g. {@code /apis/apps/v1}
   */
  public static Map<String, String> documents(Map<String, JsonNode> resourceLists) {
    Map<String, String> documents = new HashMap<>();
    ObjectNode index = Json.object();
    ObjectNode indexPaths = index.putObject("paths");
    resourceLists.forEach(
        (path, list) -> {
          String key = path.substring(1);
          String url = "/openapi/v3/" + key;
          indexPaths.putObject(key).put("serverRelativeURL", url + "?hash=emulator");
          documents.put(url, Json.write(groupVersionDocument(path, list)));
        });
    documents.put("/openapi/v3", Json.write(index));
    return documents;
  }

  private static ObjectNode groupVersionDocument(String prefix, JsonNode list) {
    String groupVersion = list.path("groupVersion").asText();
    int slash = groupVersion.indexOf('/');
    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
    String version = groupVersion.substring(slash + 1);
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes emulator").put("version", Discovery.GIT_VERSION);
    ObjectNode paths = doc.putObject("paths");
    for (JsonNode resource : list.path("resources")) {
      String name = resource.path("name").asText();
      if (name.contains("/")) {
        continue;
      }
      String scope = resource.path("namespaced").asBoolean() ? "/namespaces/{namespace}/" : "/";
      ObjectNode patch = paths.putObject(prefix + scope + name + "/{name}").putObject("patch");
      patch.put("operationId", "patch" + resource.path("kind").asText());
      patch
          .putObject("x-kubernetes-group-version-kind")
          .put("group", group)
          .put("version", version)
          .put("kind", resource.path("kind").asText());
      ObjectNode parameter = patch.putArray("parameters").addObject();
      parameter.put("name", "fieldValidation").put("in", "query");
      parameter.putObject("schema").put("type", "string");
      patch.putObject("responses").putObject("200").put("description", "OK");
    }
    return doc;
  }
}
