package dev.slipway.worker.apply;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * The one way Slipway writes to the cluster: server-side apply with a fixed field manager and
 * forced conflicts (Slipway owns every field it sets), and deletes. Each call reports what it did.
 */
@ApplicationScoped
public class ResourceApplier {
  private final KubernetesClient client;
  private final MeterRegistry registry;

  ResourceApplier(KubernetesClient client, MeterRegistry registry) {
    this.client = client;
    this.registry = registry;
  }

  /**
   * Applies the desired object. Reads it first so the result can say created / patched / unchanged:
   * the API server keeps the resourceVersion when an apply changes nothing.
   */
  public Applied apply(HasMetadata desired) {
    var resource = client.resource(desired);
    HasMetadata before = resource.get();
    HasMetadata after =
        resource.fieldManager(GatewayDefaults.FIELD_MANAGER).forceConflicts().serverSideApply();
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

  /** Deletes the object (by kind, namespace and name); absent objects are not an error. */
  public Applied delete(HasMetadata desired) {
    var deleted = client.resource(desired).delete();
    ApplyResult result =
        deleted == null || deleted.isEmpty() ? ApplyResult.ABSENT : ApplyResult.DELETED;
    return count(desired, new Applied(result, null));
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
