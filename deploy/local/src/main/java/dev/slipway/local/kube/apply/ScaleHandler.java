package dev.slipway.local.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.Selectors;
import dev.slipway.local.kube.store.ManagedFields;
import dev.slipway.local.kube.store.ObjectStore;

/**
 * The {@code deployments/{name}/scale} subresource as an autoscaling/v1 Scale, so that {@code
 * kubectl scale} and the fabric8 {@code scale(n)} call work. A write only changes the Deployment's
 * {@code spec.replicas}.
 */
public final class ScaleHandler {

  private final ObjectStore store;

  public ScaleHandler(ObjectStore store) {
    this.store = store;
  }

  public ApiResponse handle(ApiRequest request, RequestPath path) {
    if (!ObjectRef.DEPLOYMENTS.equals(path.ref().type())) {
      throw new ApiException(404, "NotFound", "the emulator scales only deployments");
    }
    return switch (request.method()) {
      case "GET" -> ApiResponse.json(200, Json.write(toScale(current(path).tree())));
      case "PUT", "PATCH" -> update(request, path);
      default -> throw new ApiException(405, "MethodNotAllowed", "not allowed on scale");
    };
  }

  /** PUT of a Scale, or a merge / strategic / JSON patch against the current Scale. */
  private ApiResponse update(ApiRequest request, RequestPath path) {
    JsonNode body = PatchHandler.parse(request.body());
    ObjectStore.Written written =
        store.update(
            path.ref(),
            deployment -> {
              JsonNode requested = requested(request, toScale(deployment), body);
              JsonNode replicas = requested.path("spec").path("replicas");
              if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
                throw new ApiException(
                    422, "Invalid", "spec.replicas must be a non-negative integer");
              }
              ObjectNode before = deployment.deepCopy();
              Json.child(deployment, "spec").put("replicas", replicas.asInt());
              return ManagedFields.recordUpdate(
                  before,
                  deployment,
                  ManagedFields.updater(request.param("fieldManager")),
                  "scale");
            },
            null,
            false);
    return ApiResponse.json(200, Json.write(toScale(written.object().tree())));
  }

  private static JsonNode requested(ApiRequest request, ObjectNode current, JsonNode body) {
    String contentType = request.contentType();
    if ("PUT".equals(request.method())
        || contentType == null
        || contentType.startsWith("application/json;")
        || contentType.equals("application/json")) {
      return body;
    }
    return PatchHandler.patcher(contentType, body).apply(current);
  }

  private StoredObject current(RequestPath path) {
    StoredObject stored = store.get(path.ref());
    if (stored == null) {
      throw ApiException.notFound(path.ref());
    }
    return stored;
  }

  public static ObjectNode toScale(JsonNode deployment) {
    JsonNode metadata = deployment.path("metadata");
    ObjectNode scale = Json.object();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode scaleMetadata = scale.putObject("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion"}) {
      scaleMetadata.set(field, metadata.path(field).deepCopy());
    }
    scaleMetadata.set("creationTimestamp", metadata.path("creationTimestamp").deepCopy());
    scale.putObject("spec").put("replicas", deployment.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", deployment.path("status").path("replicas").asInt(0));
    status.put("selector", Selectors.toQuery(deployment.path("spec").path("selector")));
    return scale;
  }
}
