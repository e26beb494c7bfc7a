package dev.slipway.local.kube.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.admission.PodSecurity;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.Responses;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.apply.PatchHandler;
import dev.slipway.local.kube.apply.ScaleHandler;
import dev.slipway.local.kube.store.CollectionDelete;
import dev.slipway.local.kube.store.CrudHandler;
import dev.slipway.local.kube.store.ListHandler;
import dev.slipway.local.kube.store.ObjectStore;

/**
 * Routes one (non-watch) API request: fixed discovery documents, then the resource handlers on the
 * indexed {@link ObjectStore}. Errors come back as metav1.Status bodies. Protobuf bodies, which the
 * emulator cannot read, get a clear 415 instead of a parse failure.
 */
public final class EmulatorDispatcher {

  private static final System.Logger LOG = System.getLogger(EmulatorDispatcher.class.getName());

  public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  private final Discovery discovery;
  private final CrudHandler crud;
  private final ListHandler lists;
  private final PatchHandler patches;
  private final ScaleHandler scale;
  private final CollectionDelete collectionDelete;
  private final ObjectStore store;

  public EmulatorDispatcher(ObjectStore store, Discovery discovery) {
    this.discovery = discovery;
    this.crud = new CrudHandler(store, discovery.kinds());
    this.lists = new ListHandler(store, discovery.kinds());
    this.patches = new PatchHandler(store);
    this.scale = new ScaleHandler(store);
    this.collectionDelete = new CollectionDelete(store, lists);
    this.store = store;
  }

  public ListHandler lists() {
    return lists;
  }

  public ApiResponse dispatch(ApiRequest request) {
    try {
      return route(request);
    } catch (ApiException e) {
      return Responses.error(e);
    } catch (RuntimeException e) {
      // Every request gets an answer: a client waiting on a lost response would hang.
      LOG.log(System.Logger.Level.WARNING, "kube emulator failed on " + request.path(), e);
      return Responses.error(500, "InternalError", "emulator error: " + e);
    }
  }

  private ApiResponse route(ApiRequest request) {
    if (request.method().equals("GET")) {
      ApiResponse fixed = discovery.answer(request.path());
      if (fixed != null) {
        return fixed;
      }
    }
    if (request.hasBody()
        && request.contentType() != null
        && request.contentType().startsWith(PROTOBUF)) {
      throw new ApiException(
          415,
          "UnsupportedMediaType",
          "the Kubernetes emulator speaks JSON only, not protobuf; "
              + "use kubectl apply --server-side -f or create -f with a manifest");
    }
    RequestPath path = RequestPath.parse(request.path());
    if (path == null) {
      throw new ApiException(404, "NotFound", "the server could not find the requested resource");
    }
    if ("scale".equals(path.subresource())) {
      return scale.handle(request, path);
    }
    if (request.method().equals("POST") && ObjectRef.PODS.equals(path.ref().type())) {
      admitPod(request, path);
    }
    boolean collection = path.isCollection();
    return switch (request.method()) {
      case "GET" -> collection ? lists.list(request, path) : crud.get(path);
      case "POST" -> crud.create(request, path);
      case "PUT" -> crud.replace(request, path);
      case "PATCH" -> patches.patch(request, path);
      case "DELETE" ->
          collection ? collectionDelete.delete(request, path) : crud.delete(request, path);
      default -> throw new ApiException(405, "MethodNotAllowed", request.method() + " not allowed");
    };
  }

  /** Pod Security Admission for a pod a client creates, as for the controller's (403 on denial). */
  private void admitPod(ApiRequest request, RequestPath path) {
    JsonNode pod;
    try {
      pod = Json.parse(request.body());
    } catch (IllegalArgumentException e) {
      return; // the create itself reports the unparseable body
    }
    StoredObject namespace = store.get(new ObjectRef(ObjectRef.NAMESPACES, "", path.namespace()));
    JsonNode metadata = pod.path("metadata");
    String name = metadata.path("name").asText(metadata.path("generateName").asText(""));
    String denial =
        PodSecurity.denial(
            namespace == null ? null : namespace.tree().path("metadata").path("labels"),
            name,
            pod.path("spec"));
    if (denial != null) {
      throw new ApiException(403, "Forbidden", denial);
    }
  }
}
