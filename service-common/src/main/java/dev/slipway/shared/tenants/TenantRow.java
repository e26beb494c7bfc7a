package dev.slipway.shared.tenants;

import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;

/**
 * A tenant row as the worker and the reconciler read it: the desired state (as a renderable spec)
 * and the observed state last recorded. Mapped from the database in one place, {@link TenantRows}.
 *
 * @param spec desired state; holds the token, so never log it (its toString leaves it out)
 * @param host the host the API promised the tenant (from its gateway URL), or null if unreadable
 * @param phase the phase last recorded (docs/architecture.md, "Who writes tenants.phase")
 * @param observedGeneration the last generation recorded applied (0 until the first apply)
 * @param readyReplicas ready replicas last recorded
 * @param frozen whether an admin froze the tenant: the reconciler then only reports its drift
 */
public record TenantRow(
    TenantSpec spec,
    String host,
    Phase phase,
    long observedGeneration,
    int readyReplicas,
    boolean frozen) {

  public String id() {
    return spec.id().toString();
  }

  public String slug() {
    return spec.slug();
  }

  /** The namespace recorded on the tenant's row. */
  public String namespace() {
    return spec.namespace();
  }

  /** True once the worker has applied the current generation. */
  public boolean applied() {
    return observedGeneration >= spec.generation();
  }

  /**
   * True while no apply was ever recorded for the tenant: its objects are most likely absent, so
   * the applier may skip reading them first (a crash after an apply but before this was recorded
   * leaves them present; the applier then reports them patched).
   */
  public boolean neverApplied() {
    return observedGeneration == 0;
  }
}
