package dev.slipway.reconciler.run;

import dev.slipway.reconciler.diff.DriftClass;
import dev.slipway.reconciler.diff.DriftReport;
import dev.slipway.reconciler.repair.RepairSummary;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Records each pass in {@code reconcile_runs} (migration V7): inserted when it starts, completed
 * when it ends, so a pass that died shows as RUNNING without an end.
 */
@ApplicationScoped
public class RunRecorder {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ERROR = 1000;
  private final Pool pool;

  RunRecorder(Pool pool) {
    this.pool = pool;
  }

  public UUID start(String mode) {
    UUID id = UUID.randomUUID();
    pool.preparedQuery("INSERT INTO reconcile_runs (id, mode) VALUES ($1, $2)")
        .execute(Tuple.of(id, mode))
        .await()
        .atMost(TIMEOUT);
    return id;
  }

  public void succeeded(UUID id, DriftReport report, RepairSummary repairs, int apiCalls) {
    var counts = report.counts();
    pool.preparedQuery(
            "UPDATE reconcile_runs SET finished_at = now(), outcome = 'SUCCEEDED',"
                + " tenants_scanned = $2, objects_scanned = $3, api_calls = $4, missing = $5,"
                + " spec_drift = $6, status_drift = $7, stuck = $8, orphans = $9,"
                + " repairs_enqueued = $10, status_updates = $11, orphans_pruned = $12,"
                + " deferred = $13, errors = $14, frozen_skipped = $15 WHERE id = $1")
        .execute(
            Tuple.from(
                new Object[] {
                  id,
                  report.dbTenants(),
                  report.clusterObjects(),
                  apiCalls,
                  counts.get(DriftClass.MISSING),
                  counts.get(DriftClass.SPEC),
                  counts.get(DriftClass.STATUS),
                  counts.get(DriftClass.STUCK),
                  counts.get(DriftClass.ORPHAN),
                  repairs.enqueued(),
                  repairs.statusUpdates(),
                  repairs.pruned(),
                  repairs.deferred(),
                  repairs.errors(),
                  repairs.frozen()
                }))
        .await()
        .atMost(TIMEOUT);
  }

  /** Best effort: the database may be what failed. */
  public void failed(UUID id, String error) {
    String message = error == null ? "unknown error" : error;
    try {
      pool.preparedQuery(
              "UPDATE reconcile_runs SET finished_at = now(), outcome = 'FAILED', errors = errors + 1,"
                  + " error = $2 WHERE id = $1")
          .execute(Tuple.of(id, message.substring(0, Math.min(MAX_ERROR, message.length()))))
          .await()
          .atMost(TIMEOUT);
    } catch (RuntimeException ignored) {
      // The failure itself is logged by the pass.
    }
  }
}
