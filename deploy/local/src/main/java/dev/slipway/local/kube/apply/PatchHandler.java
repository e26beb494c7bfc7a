package dev.slipway.local.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.store.ManagedFields;
import dev.slipway.local.kube.store.ObjectStore;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * PATCH of an object or its status: JSON patch (RFC 6902), merge patch (RFC 7386: lists replaced,
 * null deletes), strategic merge patches without {@code $} directives (treated as merge patches,
 * which is what kubectl label/annotate/rollout restart send), and server-side apply. Each is an
 * atomic read-modify-write on the store.
 */
public final class PatchHandler {

  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";

  private final ObjectStore store;
  private final ApplyHandler apply;

  public PatchHandler(ObjectStore store) {
    this.store = store;
    this.apply = new ApplyHandler(store);
  }

  public ApiResponse patch(ApiRequest request, RequestPath path) {
    String contentType = request.contentType() == null ? "" : request.contentType();
    if (ApplyHandler.isApply(contentType)) {
      return apply.handle(request, path);
    }
    boolean status = "status".equals(path.subresource());
    JsonNode patch = parse(request.body());
    var patcher = patcher(contentType, patch);
    String manager = ManagedFields.updater(request.param("fieldManager"));
    ObjectStore.Written written =
        store.update(
            path.ref(),
            stored ->
                ManagedFields.recordUpdate(
                    stored, patcher.apply(stored.deepCopy()), manager, status ? "status" : ""),
            null,
            status);
    return ApiResponse.json(200, written.object().json());
  }

  /** The function from stored to patched object for a patch content type; 415 for others. */
  public static java.util.function.UnaryOperator<ObjectNode> patcher(
      String contentType, JsonNode patch) {
    if (contentType.startsWith(JSON_PATCH)) {
      return stored -> jsonPatch(stored, patch);
    }
    boolean merge =
        contentType.startsWith(MERGE_PATCH)
            || (contentType.startsWith(STRATEGIC_PATCH) && !patch.toString().contains("\"$"));
    if (!merge) {
      throw new ApiException(
          415,
          "UnsupportedMediaType",
          "the emulator does not support "
              + contentType
              + " (strategic merge directives are not implemented); use a merge or JSON patch");
    }
    return stored -> {
      JsonNode result = MergePatch.apply(stored, patch);
      if (!(result instanceof ObjectNode object)) {
        throw ApiException.badRequest("a merge patch must be an object");
      }
      return object;
    };
  }

  private static ObjectNode jsonPatch(ObjectNode stored, JsonNode patch) {
    try {
      JsonNode result = JsonPatch.apply(patch, stored);
      if (result instanceof ObjectNode object) {
        return object;
      }
    } catch (RuntimeException e) {
      throw new ApiException(422, "Invalid", "the JSON patch cannot be applied: " + e.getMessage());
    }
    throw new ApiException(422, "Invalid", "the JSON patch does not yield an object");
  }

  public static JsonNode parse(byte[] body) {
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
