package dev.slipway.api.rollouts.engine;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.rollouts.RolloutFleetVersions;
import dev.slipway.api.rollouts.RolloutRepository;
import dev.slipway.api.rollouts.RolloutRow;
import dev.slipway.api.rollouts.Tx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * One step of one rollout, in the caller's transaction. In order: a bake that ended moves to the
 * next wave (or ends the rollout); otherwise the gate settles the wave's changing tenants; over the
 * failure budget the rollout halts (the next step rolls back); otherwise free slots (maxParallel)
 * take the next pending tenants; a wave with none pending or changing passed and starts its bake.
 */
@ApplicationScoped
public class RolloutStep {
  private final TenantChanges changes;
  private final OpsAudit audit;
  private final RolloutMetrics metrics;
  private final BulkChanges bulk;
  private final int maxChangesPerStep;

  RolloutStep(
      TenantChanges changes,
      OpsAudit audit,
      RolloutMetrics metrics,
      BulkChanges bulk,
      ApiConfig config) {
    this.changes = changes;
    this.bulk = bulk;
    this.audit = audit;
    this.metrics = metrics;
    this.maxChangesPerStep = config.rollouts().maxChangesPerStep();
  }

  /**
   * True when the step moved the rollout on (the next one may move it again at once); false when it
   * waits (a gate, a bake), is not running, or another process is stepping it right now.
   */
  public boolean run(SqlConnection c, UUID id) {
    var rows =
        Tx.rows(
            c,
            "SELECT "
                + RolloutRow.COLUMNS
                + " FROM rollouts r WHERE r.id = $1"
                + " AND r.status IN ('RUNNING', 'HALTED') AND r.finished_at IS NULL"
                + " FOR UPDATE SKIP LOCKED",
            id);
    if (rows.isEmpty()) {
      return false;
    }
    RolloutRow r = RolloutRow.from(rows.get(0));
    Tx.update(c, "UPDATE rollouts SET heartbeat_at = now() WHERE id = $1", id);
    if (r.status().equals("HALTED")) {
      rollBack(c, r);
      return true;
    }
    return r.bakeUntil() != null ? afterBake(c, r) : advance(c, r);
  }

  private boolean advance(SqlConnection c, RolloutRow r) {
    WaveGate.Counts k = WaveGate.check(c, r);
    if (k.failed() > r.strategy().maxFailures()) {
      String error =
          "wave %d: %d tenant(s) failed (%s), over the failure budget of %d"
              .formatted(
                  r.currentWave(),
                  k.failed(),
                  WaveGate.failedSlugs(c, r),
                  r.strategy().maxFailures());
      RolloutRepository.setStatus(c, r.id(), "HALTED", error);
      record(c, r, "halted", Map.of("wave", r.currentWave(), "failed", k.failed()), error);
      metrics.halted(r.kind());
      return true;
    }
    int free = r.strategy().maxParallel() - k.changing();
    if (k.pending() > 0 && free > 0) {
      int limit = Math.min(free, maxChangesPerStep);
      int changed =
          BulkChanges.handles(r)
              ? bulk.changeNext(c, r, limit)
              : changes.changeNext(c, r, fleetImage(c, r), limit);
      Tx.update(
          c,
          "UPDATE rollouts SET wave_started_at = coalesce(wave_started_at, now()),"
              + " updated_at = now() WHERE id = $1",
          r.id());
      return changed > 0;
    }
    if (k.pending() == 0 && k.changing() == 0) {
      Duration bake = r.strategy().bakeDuration();
      Tx.update(
          c,
          "UPDATE rollouts SET bake_until = now() + make_interval(secs => $2), updated_at = now()"
              + " WHERE id = $1",
          r.id(),
          bake.toMillis() / 1000.0);
      if (r.waveStartedAt() != null) {
        metrics.wavePassed(
            r.kind(), Duration.between(r.waveStartedAt().toInstant(), java.time.Instant.now()));
      }
      record(c, r, "wave-passed", Map.of("wave", r.currentWave()), "bake " + r.strategy().bake());
      return true;
    }
    return false;
  }

  private boolean afterBake(SqlConnection c, RolloutRow r) {
    boolean over =
        Tx.rows(c, "SELECT bake_until <= now() AS over FROM rollouts WHERE id = $1", r.id())
            .get(0)
            .getBoolean("over");
    if (!over) {
      return false;
    }
    if (r.currentWave() + 1 < WaveGate.waveCount(c, r)) {
      Tx.update(
          c,
          "UPDATE rollouts SET current_wave = current_wave + 1, bake_until = NULL,"
              + " wave_started_at = NULL, updated_at = now() WHERE id = $1",
          r.id());
      return true;
    }
    RolloutRepository.setStatus(c, r.id(), "SUCCEEDED", null);
    boolean promoted =
        r.fleetVersion() != null && RolloutFleetVersions.promoteIfCovering(c, r.fleetVersion());
    record(
        c,
        r,
        "succeeded",
        Map.of("waves", r.currentWave() + 1),
        promoted ? "fleet version " + r.fleetVersion() + " promoted" : "SUCCEEDED");
    return true;
  }

  /**
   * A rollout (and a bulk plan change) rolls the failed wave, or with rollbackAll every changed
   * tenant, back. A bulk stop or start undoes its changes only with rollbackAll, a bulk delete
   * never: otherwise it ends HALTED for good, its changed tenants left as they are.
   */
  private void rollBack(SqlConnection c, RolloutRow r) {
    if (BulkChanges.handles(r) && !r.strategy().rollbackAll()) {
      RolloutRepository.setStatus(c, r.id(), "HALTED", null, true);
      record(c, r, "halted-final", Map.of(), "HALTED, nothing undone");
      return;
    }
    int n =
        BulkChanges.handles(r)
            ? bulk.undo(c, r)
            : changes.rollBack(c, r, r.strategy().rollbackAll() ? null : r.currentWave());
    RolloutRepository.setStatus(c, r.id(), "ROLLED_BACK", null);
    record(c, r, "rolled-back", Map.of("rolledBack", n), "ROLLED_BACK");
  }

  private static String fleetImage(SqlConnection c, RolloutRow r) {
    if (r.fleetVersion() == null) {
      return null;
    }
    return Tx.rows(
            c, "SELECT image_version FROM fleet_versions WHERE version = $1", r.fleetVersion())
        .get(0)
        .getString("image_version");
  }

  private void record(
      SqlConnection c, RolloutRow r, String verb, Map<String, ?> counts, String outcome) {
    audit
        .record(
            c,
            r.requestedBy(),
            "rollout." + verb,
            r.id().toString(),
            null,
            r.reason(),
            counts,
            outcome)
        .await()
        .indefinitely();
  }
}
