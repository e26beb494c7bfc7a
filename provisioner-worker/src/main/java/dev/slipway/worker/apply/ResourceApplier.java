package dev.slipway.worker.apply;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.shared.kube.ThrottledRetry;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one way Slipway writes to the cluster: server-side apply with a fixed field manager and
 * forced conflicts (Slipway owns every field it sets, see {@link ServerSideApply}), and deletes by
 * the tenant's label ({@link CollectionDelete}). Each call is one request and reports what it did;
 * none reads first. Every request first takes a token from the shared {@link KubeRequestLimiter},
 * and is sent again after the server's Retry-After when it answers 429 ({@link ThrottledRetry}, up
 * to {@code slipway.worker.kubernetes.throttle-max-wait}).
 */
@ApplicationScoped
public class ResourceApplier {
  private final ServerSideApply serverSideApply;
  private final CollectionDelete collectionDelete;
  private final MeterRegistry registry;
  private final KubeRequestLimiter limiter;
  private final ThrottledRetry throttled;

  ResourceApplier(
      ServerSideApply serverSideApply,
      CollectionDelete collectionDelete,
      MeterRegistry registry,
      KubeRequestLimiter limiter,
      WorkerConfig config) {
    this.serverSideApply = serverSideApply;
    this.collectionDelete = collectionDelete;
    this.registry = registry;
    this.limiter = limiter;
    this.throttled = new ThrottledRetry(config.kubernetes().throttleMaxWait());
  }

  /**
   * Applies the desired object in one request: CREATED when the API server answers 201; otherwise
   * UNCHANGED when the answer shows the object as this worker last saw it ({@code known}, see
   * {@link LastApplied.Seen#unchangedBy}), and PATCHED when it does not or nothing is known (a
   * redelivery after a restart, another worker's apply): PATCHED may overstate a change.
   */
  public Applied apply(HasMetadata desired, LastApplied.Seen known, boolean strict) {
    return timed(
        desired,
        () -> {
          ServerSideApply.Response response = limited(() -> serverSideApply.apply(desired));
          ApplyResult result;
          if (response.created()) {
            result = ApplyResult.CREATED;
          } else if (known != null && known.unchangedBy(response.object(), strict)) {
            result = ApplyResult.UNCHANGED;
          } else {
            result = ApplyResult.PATCHED;
          }
          return count(desired, new Applied(result, response.object()));
        });
  }

  /**
   * Deletes {@code desired} (by kind, namespace and name) only if it carries the same tenant-id
   * label, in one request: a slug is reused once its tenant is deleted, and a late redelivery of
   * the old tenant's delete must not remove the new tenant's objects. DELETED or ABSENT.
   */
  public Applied delete(HasMetadata desired) {
    return timed(
        desired,
        () -> {
          String name = desired.getMetadata().getName();
          List<String> deleted =
              limited(() -> collectionDelete.delete(desired, tenantSelector(desired), name));
          return count(desired, deletedOrAbsent(deleted.contains(name)));
        });
  }

  /**
   * Deletes every object of {@code kindOf}'s kind in its namespace that carries its tenant-id
   * label, in one request (the tenant's objects of that kind, leftovers included, and nothing
   * else), and reports each of {@code objects} (of that kind) DELETED or ABSENT.
   */
  public List<Applied> deleteKind(HasMetadata kindOf, List<HasMetadata> objects) {
    List<String> deleted =
        timed(
            kindOf,
            () -> limited(() -> collectionDelete.delete(kindOf, tenantSelector(kindOf), null)));
    return objects.stream()
        .map(o -> count(o, deletedOrAbsent(deleted.contains(o.getMetadata().getName()))))
        .toList();
  }

  private static Applied deletedOrAbsent(boolean deleted) {
    return new Applied(deleted ? ApplyResult.DELETED : ApplyResult.ABSENT, null);
  }

  /** {@code slipway.dev/tenant-id=<id>}: the label every object of the tenant carries. */
  private static String tenantSelector(HasMetadata desired) {
    String id = desired.getMetadata().getLabels().get(GatewayDefaults.LABEL_TENANT_ID);
    return GatewayDefaults.LABEL_TENANT_ID + "=" + Objects.requireNonNull(id, "tenant-id label");
  }

  private <T> T limited(Supplier<T> request) {
    return throttled.call(
        () -> {
          limiter.acquire();
          return request.get();
        });
  }

  /** Duration of one apply or delete request (429 waits included), failures included. */
  private <T> T timed(HasMetadata object, Supplier<T> call) {
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
