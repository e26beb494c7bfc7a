package dev.slipway.api.rollouts.engine;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.rollouts.RolloutRow;
import dev.slipway.api.rollouts.Tx;
import dev.slipway.api.rollouts.planning.BulkAction;
import dev.slipway.api.tenants.TenantAction;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantLifecycle;
import dev.slipway.api.tenants.lifecycle.TenantDeletion;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The stop, start and delete of bulk operations, each tenant through the path its own endpoint
 * takes ({@link TenantLifecycle}, {@link TenantDeletion}): the same lifecycle rules, operation,
 * outbox command and per-tenant audit record, in the step's transaction. A tenant those rules
 * refuse (deleted or suspended meanwhile, protected from deletion) is SKIPPED with the refusal as
 * its detail; the refusals are checked before any write, so the transaction stays usable. A plan
 * change is a settings change and goes through {@link TenantChanges} like a rollout's.
 */
@ApplicationScoped
public class BulkChanges {
  private final TenantLifecycle lifecycle;
  private final TenantDeletion deletion;

  BulkChanges(TenantLifecycle lifecycle, TenantDeletion deletion) {
    this.lifecycle = lifecycle;
    this.deletion = deletion;
  }

  /** Whether this class changes the rollout's tenants (a BULK stop, start or delete). */
  static boolean handles(RolloutRow r) {
    BulkAction a = r.target().bulkAction();
    return a != null && a != BulkAction.CHANGE_PLAN;
  }

  /** Changes up to {@code limit} PENDING tenants of the current wave, as a rollout's step does. */
  int changeNext(SqlConnection c, RolloutRow r, int limit) {
    var rows =
        Tx.rows(
            c,
            "SELECT t.id, t.slug, t.frozen_at IS NOT NULL AS frozen FROM rollout_tenants rt"
                + " JOIN tenants t ON t.id = rt.tenant_id WHERE rt.rollout_id = $1"
                + " AND rt.wave = $2 AND rt.state = 'PENDING' ORDER BY t.slug LIMIT $3"
                + " FOR UPDATE OF t, rt",
            r.id(),
            r.currentWave(),
            limit);
    BulkAction action = r.target().bulkAction();
    for (var row : rows) {
      UUID tenant = row.getUUID("id");
      if (row.getBoolean("frozen")) {
        TenantWrites.settle(c, r.id(), tenant, "SKIPPED", "frozen after planning");
        continue;
      }
      try {
        TenantChanged changed = apply(c, r, row.getString("slug"), action);
        if (!changed.changed()) {
          TenantWrites.settle(
              c, r.id(), tenant, "READY", "already " + changed.tenant().desiredState());
          continue;
        }
        Tx.update(
            c,
            "UPDATE rollout_tenants SET state = 'CHANGING', target_generation = $3,"
                + " changed_at = now() WHERE rollout_id = $1 AND tenant_id = $2",
            r.id(),
            tenant,
            changed.tenant().generation());
      } catch (ApiException e) {
        TenantWrites.settle(c, r.id(), tenant, "SKIPPED", e.getMessage());
      }
    }
    return rows.size();
  }

  /**
   * Undoes a halted bulk stop or start for every tenant it changed (the request's rollbackAll):
   * stopped ones are started again, started ones stopped. A tenant its rules now refuse is left as
   * it is, the refusal appended to its detail.
   */
  int undo(SqlConnection c, RolloutRow r) {
    BulkAction inverse =
        r.target().bulkAction() == BulkAction.STOP ? BulkAction.START : BulkAction.STOP;
    var rows =
        Tx.rows(
            c,
            "SELECT t.id, t.slug FROM rollout_tenants rt JOIN tenants t ON t.id = rt.tenant_id"
                + " WHERE rt.rollout_id = $1 AND rt.state IN ('CHANGING', 'READY', 'FAILED')"
                + " AND rt.target_generation IS NOT NULL ORDER BY t.slug FOR UPDATE OF t, rt",
            r.id());
    int undone = 0;
    for (var row : rows) {
      String note;
      try {
        TenantChanged changed = apply(c, r, row.getString("slug"), inverse);
        note = "undone at generation " + changed.tenant().generation();
        undone++;
      } catch (ApiException e) {
        note = "not undone: " + e.getMessage();
      }
      Tx.update(
          c,
          "UPDATE rollout_tenants SET state = 'ROLLED_BACK', settled_at = now(),"
              + " detail = coalesce(detail || '; ', '') || $3 WHERE rollout_id = $1"
              + " AND tenant_id = $2",
          r.id(),
          row.getUUID("id"),
          note);
    }
    return undone;
  }

  private TenantChanged apply(SqlConnection c, RolloutRow r, String slug, BulkAction action) {
    Requester by = Requester.subject(r.requestedBy());
    UnaryOperator<dev.slipway.api.tenants.TenantRow> any = UnaryOperator.identity();
    var change =
        switch (action) {
          case STOP -> lifecycle.apply(c, slug, TenantAction.STOP, OptionalLong.empty(), any, by);
          case START -> lifecycle.apply(c, slug, TenantAction.START, OptionalLong.empty(), any, by);
          case DELETE -> deletion.delete(c, slug, OptionalLong.empty(), any, by);
          case CHANGE_PLAN -> throw new IllegalStateException("a plan change is TenantChanges'");
        };
    return change.await().indefinitely();
  }
}
