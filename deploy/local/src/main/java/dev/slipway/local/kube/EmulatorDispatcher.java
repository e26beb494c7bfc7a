package dev.slipway.local.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Objects;

/**
 * The mock's CRUD dispatcher plus what a real API server does and the mock does not: discovery,
 * {@code /version}, server-side apply, RFC 7386 merge patch, the Deployment scale subresource,
 * Secret {@code stringData}, status as a subresource of Deployments, and change notifications for
 * the emulated controller. Everything else falls through to the mock unchanged, so the extra cost
 * per request is a few string comparisons.
 */
final class EmulatorDispatcher extends KubernetesCrudDispatcher {

  private final Discovery discovery = new Discovery();
  private final LocalApi raw = new LocalApi(new RawDispatcher());
  private final StoreWriter writer = new StoreWriter(raw);
  private final ApplyHandler apply = new ApplyHandler(writer);
  private final ScaleHandler scale = new ScaleHandler(writer);
  private final PatchRewrites patches = new PatchRewrites(writer);
  private volatile ChangeListener listener = ChangeListener.NONE;

  /** Receives every stored change; it is called under the store's write lock, so must not block. */
  interface ChangeListener {
    ChangeListener NONE = (path, oldState, newState) -> {};

    void changed(String path, String oldState, String newState);
  }

  void setListener(ChangeListener listener) {
    this.listener = Objects.requireNonNull(listener);
  }

  /** An API that bypasses the emulator's rewrites and reaches the plain CRUD store. */
  LocalApi raw() {
    return raw;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String plain = Paths.withoutQuery(request.getPath());
    return switch (request.method()) {
      case GET -> get(request, plain);
      case PATCH -> patch(request, plain);
      case PUT -> put(request, plain);
      case POST -> super.dispatch(PatchRewrites.withFoldedSecret(request, plain));
      default -> super.dispatch(request);
    };
  }

  private MockResponse get(RecordedRequest request, String plain) {
    MockResponse fixed = discovery.answer(plain);
    if (fixed != null) {
      return fixed;
    }
    return ScaleHandler.isDeploymentScale(plain) ? scale.get(plain) : super.dispatch(request);
  }

  private MockResponse put(RecordedRequest request, String plain) {
    if (ScaleHandler.isDeploymentScale(plain)) {
      return scale.update(plain, null, request.getBody().getBytes());
    }
    return super.dispatch(PatchRewrites.withFoldedSecret(request, plain));
  }

  private MockResponse patch(RecordedRequest request, String plain) {
    String contentType = request.getHeader("Content-Type");
    byte[] body = request.getBody().getBytes();
    if (ApplyHandler.isApply(contentType)) {
      return apply.handle(request.getPath(), body);
    }
    if (ScaleHandler.isDeploymentScale(plain)) {
      return scale.update(plain, contentType, body);
    }
    if (PatchRewrites.isMergePatch(contentType, body)) {
      return patches.mergePatch(plain, body);
    }
    return super.dispatch(request);
  }

  /** Deployments keep status apart from spec, as in a real API server; CRDs keep their rule. */
  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    return path.contains("/deployments") || super.isStatusSubresourceEnabledForResource(path);
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    // Runs under the mock's write lock, so reading the old state here is consistent.
    String oldState = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (!Objects.equals(oldState, newState)) {
      listener.changed(path, oldState, newState);
    }
  }

  /** Forwards straight to the CRUD dispatcher, skipping this class's rewrites. */
  private final class RawDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      return EmulatorDispatcher.super.dispatch(request);
    }
  }
}
