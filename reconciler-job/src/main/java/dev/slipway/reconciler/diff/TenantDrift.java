package dev.slipway.reconciler.diff;

import dev.slipway.shared.tenants.TenantRow;
import java.util.List;
import java.util.Set;

/**
 * What one pass found wrong with one live tenant.
 *
 * @param classes the drift classes present (MISSING, SPEC, STATUS)
 * @param reasons what differs, e.g. {@code missing:Deployment}, {@code spec:deployment.image};
 *     never values (the token is compared by its hash on the pod template)
 * @param statusFix the status to record, or null
 */
public record TenantDrift(
    TenantRow tenant, Set<DriftClass> classes, List<String> reasons, StatusFix statusFix) {

  /** Whether the repair is a RECONCILE operation (the worker re-applies the tenant). */
  public boolean needsReconcile() {
    return classes.contains(DriftClass.MISSING)
        || classes.contains(DriftClass.SPEC)
        || (statusFix != null && statusFix.reconcile());
  }

  @Override
  public String toString() {
    return "%s(%s) %s".formatted(tenant.slug(), tenant.id(), reasons);
  }
}
