package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.StoredObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** GET, POST, PUT and DELETE of single objects (and their status subresource) on the store. */
public final class CrudHandler {

  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  private final ObjectStore store;
  private final ResourceKinds kinds;

  public CrudHandler(ObjectStore store, ResourceKinds kinds) {
    this.store = store;
    this.kinds = kinds;
  }

  public ApiResponse get(RequestPath path) {
    StoredObject stored = store.get(path.ref());
    if (stored == null) {
      throw ApiException.notFound(path.ref());
    }
    return ApiResponse.json(200, stored.json());
  }

  public ApiResponse create(ApiRequest request, RequestPath path) {
    ObjectNode object = body(request, path);
    JsonNode metadata = object.path("metadata");
    String name = metadata.path("name").asText("");
    if (name.isEmpty() && metadata.hasNonNull("generateName")) {
      name = metadata.path("generateName").asText() + randomSuffix();
    }
    if (name.isEmpty()) {
      throw new ApiException(422, "Invalid", "metadata.name or generateName is required");
    }
    ManagedFields.recordUpdate(
        Json.object(), object, ManagedFields.updater(request.param("fieldManager")), "");
    StoredObject created = store.create(path.ref().withName(name), object);
    return ApiResponse.json(201, created.json());
  }

  public ApiResponse replace(ApiRequest request, RequestPath path) {
    ObjectNode object = body(request, path);
    String name = object.path("metadata").path("name").asText("");
    if (!name.isEmpty() && !name.equals(path.name())) {
      throw ApiException.badRequest(
          "the name of the object (" + name + ") does not match the name on the URL");
    }
    boolean status = "status".equals(path.subresource());
    return ApiResponse.json(
        200,
        store
            .update(
                path.ref(),
                stored ->
                    ManagedFields.recordUpdate(
                        stored,
                        object,
                        ManagedFields.updater(request.param("fieldManager")),
                        status ? "status" : ""),
                null,
                status)
            .object()
            .json());
  }

  public ApiResponse delete(ApiRequest request, RequestPath path) {
    return ApiResponse.json(200, store.delete(path.ref(), preconditions(request)).json());
  }

  /** Parses and checks a write body; kind and apiVersion default from the path. */
  public ObjectNode body(ApiRequest request, RequestPath path) {
    JsonNode parsed;
    try {
      parsed = Json.parse(request.body());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    if (!object.hasNonNull("apiVersion")) {
      object.put("apiVersion", path.apiVersion());
    }
    String kind = kinds.kind(path.ref().type());
    if (!object.hasNonNull("kind") && kind != null) {
      object.put("kind", kind);
    }
    String namespace = object.path("metadata").path("namespace").asText("");
    if (!namespace.isEmpty() && !namespace.equals(path.namespace())) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    return object;
  }

  /** DeleteOptions.preconditions (uid, resourceVersion), when the client sent any. */
  private static Predicate<ObjectNode> preconditions(ApiRequest request) {
    if (!request.hasBody()) {
      return o -> true;
    }
    JsonNode wanted = Json.parse(request.body()).path("preconditions");
    return o ->
        matches(wanted.path("uid"), o.path("metadata").path("uid"))
            && matches(wanted.path("resourceVersion"), o.path("metadata").path("resourceVersion"));
  }

  private static boolean matches(JsonNode wanted, JsonNode actual) {
    return wanted.isMissingNode() || wanted.isNull() || wanted.asText().equals(actual.asText());
  }

  private static String randomSuffix() {
    StringBuilder suffix = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      suffix.append(NAME_CHARS.charAt(ThreadLocalRandom.current().nextInt(NAME_CHARS.length())));
    }
    return suffix.toString();
  }
}
