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

  /**
   * Deletes the object (by kind, namespace and name) if it belongs to the same tenant as {@code
   * desired}; absent objects are not an error. The ownership check matters because a slug is reused
   * once its tenant is deleted: a late redelivery of the old tenant's delete must not remove the
   * new tenant's objects.
   */
  public Applied delete(HasMetadata desired) {
    var resource = client.resource(desired);
    HasMetadata live = resource.get();
    if (live == null || !sameTenant(desired, live)) {
      return count(desired, new Applied(ApplyResult.ABSENT, null));
    }
    var deleted = resource.delete();
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
