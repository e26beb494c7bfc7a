package dev.slipway.reconciler.scan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * Every Slipway-managed object of the tenants namespace, grouped by the tenant-id label.
 *
 * @param byTenant objects per tenant id
 * @param unlabelled managed objects without a tenant-id label (no tenant can own them)
 * @param objects how many objects were listed, pods included
 * @param apiCalls LIST requests made
 */
public record ClusterSnapshot(
    Map<String, TenantObjects> byTenant, List<HasMetadata> unlabelled, int objects, int apiCalls) {

  private static final TenantObjects NONE = new TenantObjects();

  /** The tenant's objects; an empty holder when it has none. */
  public TenantObjects of(String tenantId) {
    return byTenant.getOrDefault(tenantId, NONE);
  }
}
