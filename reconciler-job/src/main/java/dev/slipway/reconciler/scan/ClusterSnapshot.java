package dev.slipway.reconciler.scan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * Every Slipway-managed object of the tenant namespaces, grouped by namespace, then by the
 * tenant-id label: a tenant's objects count only in the namespace recorded on its row.
 *
 * @param byNamespace per listed namespace, objects per tenant id
 * @param unlabelled managed objects without a tenant-id label (no tenant can own them)
 * @param objects how many objects were listed, pods included
 * @param apiCalls LIST requests made
 */
public record ClusterSnapshot(
    Map<String, Map<String, TenantObjects>> byNamespace,
    List<HasMetadata> unlabelled,
    int objects,
    int apiCalls) {

  private static final TenantObjects NONE = new TenantObjects();

  /** The tenant's objects in {@code namespace}; an empty holder when it has none there. */
  public TenantObjects of(String namespace, String tenantId) {
    return byNamespace.getOrDefault(namespace, Map.of()).getOrDefault(tenantId, NONE);
  }

  /** Deployments listed, across namespaces. */
  public int deployments() {
    return (int)
        byNamespace.values().stream()
            .flatMap(tenants -> tenants.values().stream())
            .filter(o -> o.deployment != null)
            .count();
  }
}
