package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}), which the mock
 * lacks: create when absent, otherwise store {@link ApplyMerge#merge} of the stored and applied
 * objects, and leave the object untouched (same resourceVersion) when that changes nothing. {@code
 * force} is accepted and ignored: without field ownership there are no conflicts.
 */
final class ApplyHandler {

  static final String CONTENT_TYPE = "application/apply-patch+yaml";

  private final StoreWriter writer;

  ApplyHandler(StoreWriter writer) {
    this.writer = writer;
  }

  static boolean isApply(String contentType) {
    return contentType != null && contentType.startsWith(CONTENT_TYPE);
  }

  MockResponse handle(String pathWithQuery, byte[] body) {
    if (!pathWithQuery.contains("fieldManager=")) {
      return Responses.error(400, "BadRequest", "fieldManager is required for apply requests");
    }
    String path = Paths.withoutQuery(pathWithQuery);
    ObjectNode applied;
    try {
      applied = validated(path, Json.parse(body));
    } catch (IllegalArgumentException e) {
      return Responses.error(400, "BadRequest", e.getMessage());
    }
    SecretData.fold(applied);
    String pinnedVersion = applied.path("metadata").path("resourceVersion").asText("");
    return writer.update(
        path,
        stored -> pin(ApplyMerge.merge(stored, applied), pinnedVersion),
        absent -> ApplyMerge.forCreate(applied),
        pinnedVersion.isEmpty());
  }

  /** A resourceVersion in the applied object is a precondition: the write fails on mismatch. */
  private static ObjectNode pin(ObjectNode merged, String resourceVersion) {
    if (!resourceVersion.isEmpty()) {
      Json.child(merged, "metadata").put("resourceVersion", resourceVersion);
    }
    return merged;
  }

  private static ObjectNode validated(String path, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("apply body must be an object");
    }
    if (object.path("kind").asText("").isEmpty()
        || object.path("apiVersion").asText("").isEmpty()) {
      throw new IllegalArgumentException("apply body needs apiVersion and kind");
    }
    String name = object.path("metadata").path("name").asText("");
    if (!name.equals(Paths.lastSegment(path))) {
      throw new IllegalArgumentException(
          "the name of the object (" + name + ") does not match the name on the URL");
    }
    return object;
  }
}
