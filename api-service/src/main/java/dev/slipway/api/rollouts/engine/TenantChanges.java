package dev.slipway.api.rollouts.engine;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.rollouts.Candidate;
import dev.slipway.api.rollouts.RolloutRow;
import dev.slipway.api.rollouts.Tx;
import dev.slipway.api.rollouts.planning.Snapshot;
import dev.slipway.common.model.OperationType;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves tenants of a rollout to the target, or back to their {@code before}, as a PATCH does: the
 * settings and a new generation in the row, an UPDATE operation and its outbox command (through the
 * one {@link OperationEnqueuer}), in the step's transaction, a few statements for all of them
 * ({@link TenantWrites}). The worker needs nothing new.
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
    List<UUID> settled = new ArrayList<>();
    List<String> states = new ArrayList<>();
    List<String> why = new ArrayList<>();
    List<TenantWrites.Write> writes = new ArrayList<>();
    List<Candidate> changed = new ArrayList<>();
    for (var row : rows) {
      Candidate t = Candidate.from(row);
      boolean gone =
          row.getString("phase").equals("DELETED")
              || row.getValue("deleted_at") != null
              || !List.of("RUNNING", "STOPPED").contains(t.desired().name());
      if (gone || Boolean.TRUE.equals(row.getBoolean("frozen_since"))) {
        settled.add(t.id());
        states.add("SKIPPED");
        why.add(gone ? "deleted or offline" : "frozen after planning");
        continue;
      }
      Snapshot after =
          r.target().apply(t.snapshot(), r.fleetVersion(), fleetImage, plan, t.project());
      if (after.equals(t.snapshot())) {
        settled.add(t.id());
        states.add("READY");
        why.add("already at the target");
      } else {
        writes.add(new TenantWrites.Write(t.id(), after));
        changed.add(t);
      }
    }
    TenantWrites.settled(c, r.id(), settled, states, why);
    Map<UUID, Long> generations = TenantWrites.settings(c, writes);
    List<Long> gens = changed.stream().map(t -> generations.get(t.id())).toList();
    TenantWrites.changing(
        c,
        r.id(),
        changed.stream().map(Candidate::id).toList(),
        changed.stream().map(t -> t.snapshot().toJson()).toList(),
        gens);
    Requester requester = Requester.subject(r.requestedBy());
    List<OperationEnqueuer.Target> commands = new ArrayList<>();
    for (int i = 0; i < changed.size(); i++) {
      Candidate t = changed.get(i);
      commands.add(
          new OperationEnqueuer.Target(
              UUID.randomUUID(), t.id(), t.slug(), gens.get(i), OperationType.UPDATE, requester));
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
    List<TenantWrites.Write> writes = new ArrayList<>();
    Map<UUID, String> slugs = new HashMap<>();
    for (var row : rows) {
      UUID id = row.getUUID("id");
      String slug = row.getString("slug");
      slugs.put(id, slug);
      writes.add(new TenantWrites.Write(id, Snapshot.fromJson(row.getString("before"), slug)));
    }
    Map<UUID, Long> generations = TenantWrites.settings(c, writes);
    List<UUID> ids = writes.stream().map(TenantWrites.Write::tenant).toList();
    List<Long> gens = ids.stream().map(generations::get).toList();
    TenantWrites.rolledBack(c, r.id(), ids, gens);
    Requester requester = Requester.subject(r.requestedBy());
    List<OperationEnqueuer.Target> commands = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      commands.add(
          new OperationEnqueuer.Target(
              UUID.randomUUID(),
              ids.get(i),
              slugs.get(ids.get(i)),
              gens.get(i),
              OperationType.UPDATE,
              requester));
    }
    enqueue(c, commands);
    return rows.size();
  }

  private void enqueue(SqlConnection c, List<OperationEnqueuer.Target> commands) {
    if (!commands.isEmpty()) {
      enqueuer.enqueueAll(c, commands).await().indefinitely();
    }
  }
}
