package dev.slipway.local.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.store.ManagedFields;
import dev.slipway.local.kube.store.ObjectStore;
import dev.slipway.local.kube.store.SecretData;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}): create when absent,
 * otherwise store {@link ApplyMerge#merge} of the stored and applied objects, and leave the object
 * untouched (same resourceVersion) when that changes nothing. Field ownership, conflicts and {@code
 * force} are handled by {@link ManagedFields}.
 */
public final class ApplyHandler {

  public static final String CONTENT_TYPE = "application/apply-patch+yaml";

  private final ObjectStore store;

  public ApplyHandler(ObjectStore store) {
    this.store = store;
  }

  public static boolean isApply(String contentType) {
    return contentType != null && contentType.startsWith(CONTENT_TYPE);
  }

  public ApiResponse handle(ApiRequest request, RequestPath path) {
    if (request.param("fieldManager") == null) {
      throw ApiException.badRequest("fieldManager is required for apply requests");
    }
    ObjectNode applied = validated(path, PatchHandler.parse(request.body()));
    if (ObjectRef.SECRETS.equals(path.ref().type())) {
      SecretData.fold(applied); // applied stringData replaces data, as applied data would
    }
    String pinnedVersion = applied.path("metadata").path("resourceVersion").asText("");
    boolean status = "status".equals(path.subresource());
    String manager = request.param("fieldManager");
    boolean force = request.flag("force");
    ObjectStore.Written written =
        store.update(
            path.ref(),
            stored ->
                pin(
                    ManagedFields.apply(
                        stored, applied, manager, force, status, (s, a) -> merge(s, a, status)),
                    pinnedVersion),
            status
                ? null
                : () ->
                    ManagedFields.apply(
                        null, applied, manager, force, false, (s, a) -> merge(s, a, false)),
            status);
    return ApiResponse.json(written.created() ? 201 : 200, written.object().json());
  }

  private static ObjectNode merge(ObjectNode stored, ObjectNode applied, boolean status) {
    return stored == null
        ? ApplyMerge.forCreate(applied)
        : ApplyMerge.merge(stored, applied, status);
  }

  /** A resourceVersion in the applied object is a precondition: the write fails on mismatch. */
  private static ObjectNode pin(ObjectNode merged, String resourceVersion) {
    if (!resourceVersion.isEmpty()) {
      Json.child(merged, "metadata").put("resourceVersion", resourceVersion);
    }
    return merged;
  }

  private static ObjectNode validated(RequestPath path, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("apply body must be an object");
    }
    if (object.path("kind").asText("").isEmpty()
        || object.path("apiVersion").asText("").isEmpty()) {
      throw ApiException.badRequest("apply body needs apiVersion and kind");
    }
    String name = object.path("metadata").path("name").asText("");
    if (!name.equals(path.name())) {
      throw ApiException.badRequest(
          "the name of the object (" + name + ") does not match the name on the URL");
    }
    String namespace = object.path("metadata").path("namespace").asText("");
    if (!namespace.isEmpty() && !namespace.equals(path.namespace())) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    return object;
  }
}
