package dev.slipway.reconciler.repair;

import dev.slipway.common.retry.RepairBackoff;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One pass's view of the per-tenant repair back-off: which drifted tenants may be repaired now, the
 * state each repair leaves, and how many tenants wait (the {@code
 * slipway.reconciler.repairs.backoff} gauge).
 */
public final class TenantBackoffs {
  private final RepairBackoff policy;
  private final Map<UUID, RepairBackoff.State> states;
  private final Instant now;

  TenantBackoffs(RepairBackoff policy, Map<UUID, RepairBackoff.State> states, Instant now) {
    this.policy = policy;
    this.states = new java.util.HashMap<>(states);
    this.now = now;
  }

  /** Whether a drifted tenant may be repaired in this pass. */
  boolean mayRepair(UUID tenantId) {
    return policy.mayRepair(states.get(tenantId), now);
  }

  /** The state a repair queued in this pass leaves. */
  RepairBackoff.State afterRepair(UUID tenantId) {
    return policy.afterRepair(states.get(tenantId), now);
  }

  /** Notes a repair queued in this pass. */
  void repaired(UUID tenantId, RepairBackoff.State state) {
    states.put(tenantId, state);
  }

  /** Tenants whose next repair is still ahead. */
  int waiting() {
    return (int) states.values().stream().filter(s -> policy.waiting(s, now)).count();
  }
}
