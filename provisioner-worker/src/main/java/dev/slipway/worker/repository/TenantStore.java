package dev.slipway.worker.repository;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's reads of desired state and writes of observed state. Observed-state writes are
 * guarded by generation, so a slow worker can never overwrite what a newer change recorded.
 */
@ApplicationScoped
public class TenantStore {
  private final Db db;

  TenantStore(Db db) {
    this.db = db;
  }

  public Optional<TenantSpec> load(UUID id) {
    return db.first(
            "SELECT id, slug, generation, desired_state, replicas, gateway_token FROM tenants"
                + " WHERE id = $1",
            Tuple.of(id))
        .map(
            row ->
                new TenantSpec(
                    row.getUUID("id"),
                    row.getString("slug"),
                    row.getLong("generation"),
                    DesiredState.valueOf(row.getString("desired_state")),
                    row.getInteger("replicas"),
                    row.getString("gateway_token")));
  }

  /**
   * Records that generation {@code generation} is applied. The phase itself is the informer's to
   * write (it sees readiness change); here a tenant leaves PENDING or FAILED for PROVISIONING
   * unless the informer already recorded something newer.
   */
  public void recordApplied(UUID id, long generation) {
    db.update(
        "UPDATE tenants SET observed_generation = $2, last_error = NULL,"
            + " phase = CASE WHEN phase IN ('PENDING', 'FAILED') THEN 'PROVISIONING' ELSE phase END,"
            + " status_updated_at = now(), updated_at = now()"
            + " WHERE id = $1 AND generation = $2",
        Tuple.of(id, generation));
  }

  /**
   * Records DELETING or DELETED. DELETED is final: once it is recorded the slug may already name a
   * new tenant, so a late redelivery must not bring the old row back to life.
   */
  public void recordPhase(UUID id, long generation, Phase phase) {
    db.update(
        "UPDATE tenants SET phase = $3, observed_generation = $2, ready_replicas = 0,"
            + " status_updated_at = now(), updated_at = now()"
            + " WHERE id = $1 AND generation = $2 AND phase <> 'DELETED'",
        Tuple.of(id, generation, phase.name()));
  }

  public void recordFailure(UUID id, long generation, String reason) {
    db.update(
        "UPDATE tenants SET phase = 'FAILED', last_error = $3, status_updated_at = now(),"
            + " updated_at = now() WHERE id = $1 AND generation = $2 AND phase <> 'DELETED'",
        Tuple.of(id, generation, reason));
  }

  /**
   * Readiness seen on the tenant's Deployment, rendered from generation {@code generation}. Only
   * written while that generation is still the desired one and the tenant is not failed or going
   * away; returns whether anything changed.
   */
  public boolean recordReadiness(UUID id, long generation, Phase phase, int readyReplicas) {
    return db.update(
            "UPDATE tenants SET phase = $3, ready_replicas = $4, status_updated_at = now(),"
                + " updated_at = now() WHERE id = $1 AND generation = $2"
                + " AND phase NOT IN ('FAILED', 'DELETING', 'DELETED')"
                + " AND (phase, ready_replicas) IS DISTINCT FROM ($3, $4)",
            Tuple.of(id, generation, phase.name(), readyReplicas))
        == 1;
  }
}
