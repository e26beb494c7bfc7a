package dev.slipway.api.rollouts.engine;

import dev.slipway.api.rollouts.RolloutRow;
import dev.slipway.api.rollouts.Tx;
import dev.slipway.api.rollouts.planning.BulkAction;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The gate of a wave's changing tenants, from what the worker recorded: a tenant is READY once it
 * is Ready at its new generation (observed generation reached, phase RUNNING with a ready replica;
 * STOPPED for a stopped tenant; for a bulk delete, soft-deleted and scaled to zero), FAILED when
 * the Ready timeout passes first, with its phase and conditions as the detail.
 */
final class WaveGate {
  private WaveGate() {}

  /** Wave counts after the gate: pending, changing and failed tenants. */
  record Counts(int pending, int changing, int failed) {}

  static Counts check(SqlConnection c, RolloutRow r) {
    Tx.update(
        c,
        "UPDATE rollout_tenants rt SET state = 'READY', settled_at = now() FROM tenants t"
            + " WHERE rt.rollout_id = $1 AND rt.wave = $2 AND rt.state = 'CHANGING'"
            + " AND t.id = rt.tenant_id AND t.observed_generation >= rt.target_generation"
            + " AND ((t.desired_state = 'RUNNING' AND t.phase = 'RUNNING' AND t.ready_replicas >= 1)"
            + " OR (t.desired_state = 'STOPPED' AND t.phase = 'STOPPED')"
            + " OR ($3 AND t.desired_state IN ('OFFLINE', 'DELETED') AND t.deleted_at IS NOT NULL"
            + " AND t.phase IN ('STOPPED', 'DELETED')))",
        r.id(),
        r.currentWave(),
        r.target().bulkAction() == BulkAction.DELETE);
    Tx.update(
        c,
        "UPDATE rollout_tenants rt SET state = 'FAILED', settled_at = now(),"
            + " detail = 'not Ready at generation ' || rt.target_generation || ' within ' || $4"
            + " || ': phase ' || t.phase || ', observed generation ' || t.observed_generation"
            + " || ', ready replicas ' || t.ready_replicas"
            + " || coalesce(', last error: ' || t.last_error, '')"
            + " || ', conditions: ' || t.conditions::text"
            + " FROM tenants t WHERE rt.rollout_id = $1 AND rt.wave = $2"
            + " AND rt.state = 'CHANGING' AND t.id = rt.tenant_id"
            + " AND rt.changed_at < now() - make_interval(secs => $3)",
        r.id(),
        r.currentWave(),
        r.strategy().readyTimeoutDuration().toMillis() / 1000.0,
        r.strategy().readyTimeout());
    var row =
        Tx.rows(
                c,
                "SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending,"
                    + " count(*) FILTER (WHERE state = 'CHANGING') AS changing,"
                    + " count(*) FILTER (WHERE state = 'FAILED') AS failed"
                    + " FROM rollout_tenants WHERE rollout_id = $1 AND wave = $2",
                r.id(),
                r.currentWave())
            .get(0);
    return new Counts(
        row.getLong("pending").intValue(),
        row.getLong("changing").intValue(),
        row.getLong("failed").intValue());
  }

  /** The slugs that failed in the current wave, for the halt's message. */
  static String failedSlugs(SqlConnection c, RolloutRow r) {
    return Tx.rows(
            c,
            "SELECT string_agg(t.slug, ', ' ORDER BY t.slug) AS slugs FROM rollout_tenants rt"
                + " JOIN tenants t ON t.id = rt.tenant_id WHERE rt.rollout_id = $1"
                + " AND rt.wave = $2 AND rt.state = 'FAILED'",
            r.id(),
            r.currentWave())
        .get(0)
        .getString("slugs");
  }

  /** How many waves the rollout has (its highest wave plus one). */
  static int waveCount(SqlConnection c, RolloutRow r) {
    return Tx.rows(
            c, "SELECT max(wave) + 1 AS n FROM rollout_tenants WHERE rollout_id = $1", r.id())
        .get(0)
        .getInteger("n");
  }
}
