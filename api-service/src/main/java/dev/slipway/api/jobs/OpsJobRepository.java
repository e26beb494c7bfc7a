package dev.slipway.api.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes ops_jobs. Counts are recomputed from dead_letter_outcomes, never added up. */
@ApplicationScoped
public class OpsJobRepository {
  private static final String COUNTS = counts(null);
  private final Pool pool;

  OpsJobRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<OpsJobRow> insert(SqlClient tx, OpsJobRow job) {
    return tx.preparedQuery(
            "INSERT INTO ops_jobs (id, action, mode, requested_by, reason, filter, max_count,"
                + " rate_per_second) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8)"
                + " RETURNING "
                + OpsJobRow.COLUMNS)
        .execute(
            Tuple.from(
                new Object[] {
                  job.id(),
                  job.action(),
                  job.mode(),
                  job.requestedBy(),
                  job.reason(),
                  job.filter(),
                  job.maxCount(),
                  job.ratePerSecond()
                }))
        .map(rows -> OpsJobRow.from(rows.iterator().next()));
  }

  public Uni<Optional<OpsJobRow>> find(UUID id) {
    return pool.preparedQuery("SELECT " + OpsJobRow.COLUMNS + " FROM ops_jobs WHERE id = $1")
        .execute(Tuple.of(id))
        .map(OpsJobRepository::first);
  }

  /** Takes over one RUNNING job whose process stopped refreshing its heartbeat. */
  public Uni<Optional<OpsJobRow>> claimOrphan(Duration staleAfter) {
    return pool.preparedQuery(
            "UPDATE ops_jobs SET heartbeat_at = now() WHERE id = (SELECT id FROM ops_jobs"
                + " WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1)"
                + " ORDER BY heartbeat_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING "
                + OpsJobRow.COLUMNS)
        .execute(Tuple.of((double) staleAfter.toMillis() / 1000))
        .map(OpsJobRepository::first);
  }

  /**
   * Marks a (re)start: first start time kept, total set (what earlier runs handled; the pass adds
   * the matches it finds), heartbeat refreshed.
   */
  public Uni<Void> started(UUID id, int total) {
    return pool.preparedQuery(
            "UPDATE ops_jobs SET started_at = coalesce(started_at, now()), total = $2,"
                + " heartbeat_at = now() WHERE id = $1")
        .execute(Tuple.of(id, total))
        .replaceWithVoid();
  }

  /**
   * The SET of a job's done and skipped counts (ops_jobs aliased {@code j}), recounted from its
   * ledger; with {@code inserted}, the name of a CTE of outcome rows the same statement inserts
   * (which its UPDATE cannot see yet), those counted too.
   */
  public static String counts(String inserted) {
    return "done = "
        + count("outcome IN ('REPLAYED', 'ALREADY_REPLAYED', 'PURGED')", inserted)
        + ", skipped = "
        + count("outcome = 'SKIPPED'", inserted);
  }

  private static String count(String outcome, String inserted) {
    String ledger =
        "(SELECT count(*) FROM dead_letter_outcomes o WHERE o.job_id = j.id AND o." + outcome + ")";
    return inserted == null
        ? ledger
        : ledger + " + (SELECT count(*) FROM " + inserted + " WHERE " + outcome + ")";
  }

  /** The rest of a progress update's SET: new failures and the total from the given parameters. */
  public static String progressSet(int failuresParameter, int totalParameter) {
    return ", failed = failed + $"
        + failuresParameter
        + ", total = greatest(total, $"
        + totalParameter
        + "), heartbeat_at = now()";
  }

  /**
   * Recounts, adds failures, raises the total to the matches found so far, refreshes the heartbeat;
   * returns the status (CANCELLED stops).
   */
  public Uni<String> progress(UUID id, int newFailures, int total) {
    return pool.preparedQuery(
            "UPDATE ops_jobs j SET "
                + COUNTS
                + progressSet(2, 3)
                + " WHERE id = $1 RETURNING status")
        .execute(Tuple.of(id, newFailures, total))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  /** Ends a RUNNING job; a job cancelled meanwhile stays CANCELLED. Returns the final row. */
  public Uni<OpsJobRow> finish(UUID id, String status, String error) {
    return pool.preparedQuery(
            "UPDATE ops_jobs j SET "
                + COUNTS
                + ", status = CASE WHEN status = 'RUNNING' THEN $2 ELSE status END,"
                + " last_error = coalesce($3, last_error),"
                + " finished_at = coalesce(finished_at, now()) WHERE id = $1 RETURNING "
                + OpsJobRow.COLUMNS)
        .execute(Tuple.of(id, status, error))
        .map(rows -> OpsJobRow.from(rows.iterator().next()));
  }

  /** Cancels a RUNNING job in the caller's transaction; empty when it is not running. */
  public Uni<Optional<OpsJobRow>> cancel(SqlClient tx, UUID id) {
    return tx.preparedQuery(
            "UPDATE ops_jobs SET status = 'CANCELLED', finished_at = now()"
                + " WHERE id = $1 AND status = 'RUNNING' RETURNING "
                + OpsJobRow.COLUMNS)
        .execute(Tuple.of(id))
        .map(OpsJobRepository::first);
  }

  private static Optional<OpsJobRow> first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(OpsJobRow.from(it.next())) : Optional.empty();
  }
}
