package dev.slipway.api.reconcileruns;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the reconciler's run records (table reconcile_runs, written by reconciler-job only). */
@ApplicationScoped
public class ReconcileRunRepository {
  private static final String COLUMNS =
      "id, started_at, finished_at, mode, outcome, tenants_scanned, objects_scanned, api_calls,"
          + " missing, spec_drift, status_drift, stuck, orphans, repairs_enqueued, status_updates,"
          + " orphans_pruned, deferred, frozen_skipped, errors, error";

  private final Pool pool;

  ReconcileRunRepository(Pool pool) {
    this.pool = pool;
  }

  /** Up to {@code limit} runs, newest first, strictly before the given position. */
  public Uni<List<RunRow>> listBefore(OffsetDateTime beforeStartedAt, UUID beforeId, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM reconcile_runs WHERE (started_at, id) < ($1, $2)"
                + " ORDER BY started_at DESC, id DESC LIMIT $3")
        .execute(Tuple.of(beforeStartedAt, beforeId, limit))
        .map(
            rows -> {
              List<RunRow> out = new ArrayList<>();
              rows.forEach(r -> out.add(RunRow.from(r)));
              return out;
            });
  }

  /** One reconcile pass as stored; counts per drift class are tenants, orphans are objects. */
  public record RunRow(
      UUID id,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      String mode,
      String outcome,
      int tenantsScanned,
      int objectsScanned,
      int apiCalls,
      int missing,
      int specDrift,
      int statusDrift,
      int stuck,
      int orphans,
      int repairsEnqueued,
      int statusUpdates,
      int orphansPruned,
      int deferred,
      int frozenSkipped,
      int errors,
      String error) {

    static RunRow from(Row r) {
      return new RunRow(
          r.getUUID("id"),
          r.getOffsetDateTime("started_at"),
          r.getOffsetDateTime("finished_at"),
          r.getString("mode"),
          r.getString("outcome"),
          r.getInteger("tenants_scanned"),
          r.getInteger("objects_scanned"),
          r.getInteger("api_calls"),
          r.getInteger("missing"),
          r.getInteger("spec_drift"),
          r.getInteger("status_drift"),
          r.getInteger("stuck"),
          r.getInteger("orphans"),
          r.getInteger("repairs_enqueued"),
          r.getInteger("status_updates"),
          r.getInteger("orphans_pruned"),
          r.getInteger("deferred"),
          r.getInteger("frozen_skipped"),
          r.getInteger("errors"),
          r.getString("error"));
    }
  }
}
