package dev.slipway.worker.repository;

import dev.slipway.common.model.TenantSpec;

/**
 * A tenant row as the worker loads it: the desired state, plus the last generation the worker
 * recorded applied (0 until the first apply is recorded, the column's default).
 */
public record StoredTenant(TenantSpec spec, long observedGeneration) {

  /**
   * True while no apply was ever recorded for the tenant: its objects are most likely absent, so
   * the applier may skip reading them first (a crash after an apply but before this was recorded
   * leaves them present; the applier then reports them patched).
   */
  public boolean neverApplied() {
    return observedGeneration == 0;
  }
}
