package dev.slipway.api.rollouts.engine;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.rollouts.Candidate;
import dev.slipway.api.rollouts.RolloutRow;
import dev.slipway.api.rollouts.Tx;
import dev.slipway.api.rollouts.planning.Snapshot;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.TenantJson;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves tenants of a rollout to the target, or back to their {@code before}, as a PATCH does: the
 * settings and a new generation in the row, an UPDATE operation and its outbox command (through the
 * one {@link OperationEnqueuer}), in the step's transaction. The worker needs nothing new.
 */
@ApplicationScoped
public class TenantChanges {
  private final OperationEnqueuer enqueuer;
  private final PlanCatalog plans;

  TenantChanges(OperationEnqueuer enqueuer, PlanCatalog plans) {
    this.enqueuer = enqueuer;
    this.plans = plans;
  }

  /**
   * Changes up to {@code limit} PENDING tenants of the rollout's current wave: each becomes
   * CHANGING with the generation to gate on, or SKIPPED when it left the selection meanwhile
   * (deleted, offline, frozen after planning), or READY when it already has the target.
   */
  public int changeNext(SqlConnection c, RolloutRow r, String fleetImage, int limit) {
    var rows =
        Tx.rows(
            c,
            "SELECT "
                + Candidate.COLUMNS
                + ", t.phase, t.deleted_at, t.frozen_at,"
                + " (t.frozen_at > $3) AS frozen_since FROM rollout_tenants rt JOIN tenants t"
                + " ON t.id = rt.tenant_id WHERE rt.rollout_id = $1 AND rt.wave = $2"
                + " AND rt.state = 'PENDING' ORDER BY t.slug LIMIT $4 FOR UPDATE OF t, rt",
            r.id(),
            r.currentWave(),
            r.createdAt(),
            limit);
    var plan = r.target().plan() == null ? null : plans.require(r.target().plan());
    List<OperationEnqueuer.Target> commands = new ArrayList<>();
    Requester requester = Requester.subject(r.requestedBy());
    for (var row : rows) {
      Candidate t = Candidate.from(row);
      boolean gone =
          row.getString("phase").equals("DELETED")
              || row.getValue("deleted_at") != null
              || !List.of("RUNNING", "STOPPED").contains(t.desired().name());
      if (gone || Boolean.TRUE.equals(row.getBoolean("frozen_since"))) {
        settle(c, r.id(), t.id(), "SKIPPED", gone ? "deleted or offline" : "frozen after planning");
        continue;
      }
      Snapshot after =
          r.target().apply(t.snapshot(), r.fleetVersion(), fleetImage, plan, t.project());
      if (after.equals(t.snapshot())) {
        settle(c, r.id(), t.id(), "READY", "already at the target");
        continue;
      }
      long generation = write(c, t.id(), after);
      Tx.update(
          c,
          "UPDATE rollout_tenants SET state = 'CHANGING', before = $3::text::jsonb,"
              + " target_generation = $4, changed_at = now() WHERE rollout_id = $1"
              + " AND tenant_id = $2",
          r.id(),
          t.id(),
          t.snapshot().toJson(),
          generation);
      commands.add(
          new OperationEnqueuer.Target(
              UUID.randomUUID(), t.id(), t.slug(), generation, OperationType.UPDATE, requester));
    }
    enqueue(c, commands);
    return rows.size();
  }

  /**
   * Rolls back the changed tenants (CHANGING, READY, FAILED) of one wave, or of every wave when
   * {@code wave} is null, to their {@code before}; each becomes ROLLED_BACK, keeping its detail
   * (why it failed). Tenants deleted meanwhile are left alone.
   */
  public int rollBack(SqlConnection c, RolloutRow r, Integer wave) {
    var rows =
        Tx.rows(
            c,
            "SELECT t.id, t.slug, rt.before::text AS before FROM rollout_tenants rt JOIN tenants t"
                + " ON t.id = rt.tenant_id WHERE rt.rollout_id = $1"
                + " AND ($2::int IS NULL OR rt.wave = $2)"
                + " AND rt.state IN ('CHANGING', 'READY', 'FAILED') AND rt.target_generation IS NOT NULL"
                + " AND t.phase <> 'DELETED' AND t.deleted_at IS NULL ORDER BY t.slug FOR UPDATE OF t, rt",
            r.id(),
            wave);
    List<OperationEnqueuer.Target> commands = new ArrayList<>();
    Requester requester = Requester.subject(r.requestedBy());
    for (var row : rows) {
      UUID id = row.getUUID("id");
      String slug = row.getString("slug");
      long generation = write(c, id, Snapshot.fromJson(row.getString("before"), slug));
      Tx.update(
          c,
          "UPDATE rollout_tenants SET state = 'ROLLED_BACK', settled_at = now(),"
              + " detail = coalesce(detail || '; ', '') || 'rolled back at generation ' || $3::bigint"
              + " WHERE rollout_id = $1 AND tenant_id = $2",
          r.id(),
          id,
          generation);
      commands.add(
          new OperationEnqueuer.Target(
              UUID.randomUUID(), id, slug, generation, OperationType.UPDATE, requester));
    }
    enqueue(c, commands);
    return rows.size();
  }

  private static long write(SqlConnection c, UUID tenant, Snapshot s) {
    return Tx.rows(
            c,
            "UPDATE tenants SET plan = $2, sizing = $3::text::jsonb, replicas = $4,"
                + " image_version = $5, fleet_version = $6, fleet_image_version = $7,"
                + " gateway_config = $8::text::jsonb, generation = generation + 1,"
                + " updated_at = now() WHERE id = $1 RETURNING generation",
            tenant,
            s.plan(),
            TenantJson.write(s.sizing()),
            s.sizing().startedReplicas(),
            s.imageVersion(),
            s.fleetVersion(),
            s.fleetImageVersion(),
            TenantJson.write(s.gatewayConfig()))
        .get(0)
        .getLong("generation");
  }

  /** Records a tenant's outcome in its rollout (BulkChanges too). */
  static void settle(SqlConnection c, UUID rollout, UUID tenant, String state, String why) {
    Tx.update(
        c,
        "UPDATE rollout_tenants SET state = $3, detail = $4, settled_at = now()"
            + " WHERE rollout_id = $1 AND tenant_id = $2",
        rollout,
        tenant,
        state,
        why);
  }

  private void enqueue(SqlConnection c, List<OperationEnqueuer.Target> commands) {
    if (!commands.isEmpty()) {
      enqueuer.enqueueAll(c, commands).await().indefinitely();
    }
  }
}
