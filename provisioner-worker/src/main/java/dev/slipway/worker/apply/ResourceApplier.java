package dev.slipway.worker.apply;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.shared.kube.ThrottledRetry;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one way Slipway writes to the cluster: server-side apply with a fixed field manager and
 * forced conflicts (Slipway owns every field it sets, see {@link ServerSideApply}), and deletes.
 * Each call reports what it did. Every request first takes a token from the shared {@link
 * KubeRequestLimiter}, and is sent again after the server's Retry-After when it answers 429 ({@link
 * ThrottledRetry}, up to {@code slipway.worker.kubernetes.throttle-max-wait}).
 */
@ApplicationScoped
public class ResourceApplier {
  private final KubernetesClient client;
  private final ServerSideApply serverSideApply;
  private final MeterRegistry registry;
  private final KubeRequestLimiter limiter;
  private final ThrottledRetry throttled;

  ResourceApplier(
      KubernetesClient client,
      ServerSideApply serverSideApply,
      MeterRegistry registry,
      KubeRequestLimiter limiter,
      WorkerConfig config) {
    this.client = client;
    this.serverSideApply = serverSideApply;
    this.registry = registry;
    this.limiter = limiter;
    this.throttled = new ThrottledRetry(config.kubernetes().throttleMaxWait());
  }

  /**
   * Applies the desired object. Reads it first so the result can say created / patched / unchanged:
   * the API server keeps the resourceVersion when an apply changes nothing.
   */
  public Applied apply(HasMetadata desired) {
    return timed(desired, () -> applyNow(desired));
  }

  /**
   * Applies an object of a tenant that was never applied, without reading it first (one request
   * instead of two): CREATED when the API server answers 201 (it created the object), PATCHED when
   * it answers 200 (the object was there already, e.g. on a redelivery after a crash between the
   * apply and recording it; whether that apply changed anything is unknown without the read, and
   * PATCHED may overstate it, never miss a change).
   */
  public Applied applyNew(HasMetadata desired) {
    return timed(
        desired,
        () -> {
          ServerSideApply.Response response = limited(() -> serverSideApply.apply(desired));
          ApplyResult result = response.created() ? ApplyResult.CREATED : ApplyResult.PATCHED;
          return count(desired, new Applied(result, response.object()));
        });
  }

  private Applied applyNow(HasMetadata desired) {
    HasMetadata before = limited(client.resource(desired)::get);
    HasMetadata after = limited(() -> serverSideApply.apply(desired)).object();
    ApplyResult result;
    if (before == null) {
      result = ApplyResult.CREATED;
    } else if (Objects.equals(
        before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
      result = ApplyResult.UNCHANGED;
    } else {
      result = ApplyResult.PATCHED;
    }
    return count(desired, new Applied(result, after));
  }

  /**
   * Deletes the object (by kind, namespace and name) if it belongs to the same tenant as {@code
   * desired}; absent objects are not an error. The ownership check matters because a slug is reused
   * once its tenant is deleted: a late redelivery of the old tenant's delete must not remove the
   * new tenant's objects.
   */
  public Applied delete(HasMetadata desired) {
    return timed(desired, () -> deleteNow(desired));
  }

  private Applied deleteNow(HasMetadata desired) {
    var resource = client.resource(desired);
    HasMetadata live = limited(resource::get);
    if (live == null || !sameTenant(desired, live)) {
      return count(desired, new Applied(ApplyResult.ABSENT, null));
    }
    var deleted = limited(resource::delete);
    ApplyResult result =
        deleted == null || deleted.isEmpty() ? ApplyResult.ABSENT : ApplyResult.DELETED;
    return count(desired, new Applied(result, null));
  }

  private static boolean sameTenant(HasMetadata desired, HasMetadata live) {
    String label = GatewayDefaults.LABEL_TENANT_ID;
    var liveLabels = live.getMetadata().getLabels();
    return liveLabels != null
        && Objects.equals(desired.getMetadata().getLabels().get(label), liveLabels.get(label));
  }

  private <T> T limited(Supplier<T> request) {
    return throttled.call(
        () -> {
          limiter.acquire();
          return request.get();
        });
  }

  /** Duration of the whole apply or delete of one object (all its requests), failures included. */
  private Applied timed(HasMetadata object, Supplier<Applied> call) {
    Timer.Sample sample = Timer.start(registry);
    try {
      return call.get();
    } finally {
      sample.stop(
          Timer.builder(MetricNames.APPLY_DURATION)
              .tag(MetricNames.TAG_KIND, object.getKind())
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  private Applied count(HasMetadata object, Applied applied) {
    registry
        .counter(
            MetricNames.APPLY_RESULTS,
            MetricNames.TAG_KIND,
            object.getKind(),
            MetricNames.TAG_RESULT,
            applied.result().tag())
        .increment();
    return applied;
  }
}
