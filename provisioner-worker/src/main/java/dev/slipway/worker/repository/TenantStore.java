package dev.slipway.worker.repository;

import dev.slipway.common.model.Condition;
import dev.slipway.common.model.Phase;
import dev.slipway.common.phase.PhaseRules;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The worker's writes of observed state besides a finished apply ({@link CommandStore} loads the
 * tenant and records an apply). Observed-state writes are guarded by generation, so a slow worker
 * can never overwrite what a newer change recorded.
 */
@ApplicationScoped
public class TenantStore {
  private final Db db;

  TenantStore(Db db) {
    this.db = db;
  }

  /**
   * Records DELETING or DELETED. DELETED is final: once it is recorded the slug may already name a
   * new tenant, so a late redelivery must not bring the old row back to life.
   */
  public void recordPhase(UUID id, long generation, Phase phase) {
    db.update(
        "UPDATE tenants SET phase = $3, observed_generation = $2, ready_replicas = 0,"
            + " conditions = slipway_set_condition(conditions, 'Ready', 'False', $4, $5),"
            + " status_updated_at = now(), updated_at = now()"
            + " WHERE id = $1 AND generation = $2 AND phase <> 'DELETED'",
        Tuple.of(
            id, generation, phase.name(), PhaseRules.reason(phase), "the tenant is being removed"));
  }

  public void recordFailure(UUID id, long generation, String reason) {
    db.update(
        "UPDATE tenants SET phase = 'FAILED', last_error = $3,"
            + " conditions = slipway_set_condition(conditions, 'Applied', 'False', 'ApplyFailed', $3),"
            + " status_updated_at = now(), updated_at = now()"
            + " WHERE id = $1 AND generation = $2 AND phase <> 'DELETED'",
        Tuple.of(id, generation, reason));
  }

  /**
   * Readiness seen on the tenant's Deployment, rendered from generation {@code generation}. Only
   * written while that generation is still the desired one and the tenant is not failed or going
   * away; returns whether anything changed.
   */
  public boolean recordReadiness(UUID id, long generation, Phase phase, int readyReplicas) {
    return db.update(
            "UPDATE tenants SET phase = $3, ready_replicas = $4,"
                + " conditions = slipway_set_condition(conditions, 'Ready', $5, $6, $7),"
                + " status_updated_at = now(), updated_at = now() WHERE id = $1 AND generation = $2"
                + " AND "
                + PhaseRules.notOwnedByCommandsSql()
                + " AND (phase, ready_replicas) IS DISTINCT FROM ($3, $4)",
            Tuple.from(
                new Object[] {
                  id,
                  generation,
                  phase.name(),
                  readyReplicas,
                  phase == Phase.RUNNING ? Condition.TRUE : Condition.FALSE,
                  PhaseRules.reason(phase),
                  readyReplicas + " replica(s) ready"
                }))
        == 1;
  }
}
