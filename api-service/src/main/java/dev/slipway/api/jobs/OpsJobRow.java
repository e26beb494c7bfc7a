package dev.slipway.api.jobs;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A replay or purge job as stored.
 *
 * @param mode REDERIVE or RESEND for replays, null for purges
 * @param filter the {@code DeadLetterFilter} as JSON
 * @param ratePerSecond null: no pacing
 */
public record OpsJobRow(
    UUID id,
    String action,
    String mode,
    String requestedBy,
    String reason,
    String filter,
    int maxCount,
    Double ratePerSecond,
    String status,
    int total,
    int done,
    int skipped,
    int failed,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    OffsetDateTime heartbeatAt) {

  static final String COLUMNS =
      "id, action, mode, requested_by, reason, filter::text AS filter, max_count, rate_per_second,"
          + " status, total, done, skipped, failed, last_error, created_at, started_at,"
          + " finished_at, heartbeat_at";

  /** Messages this job has handled so far, whatever the outcome. */
  public int handled() {
    return done + skipped + failed;
  }

  static OpsJobRow from(Row r) {
    return new OpsJobRow(
        r.getUUID("id"),
        r.getString("action"),
        r.getString("mode"),
        r.getString("requested_by"),
        r.getString("reason"),
        r.getString("filter"),
        r.getInteger("max_count"),
        r.getDouble("rate_per_second"),
        r.getString("status"),
        r.getInteger("total"),
        r.getInteger("done"),
        r.getInteger("skipped"),
        r.getInteger("failed"),
        r.getString("last_error"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("started_at"),
        r.getOffsetDateTime("finished_at"),
        r.getOffsetDateTime("heartbeat_at"));
  }
}
