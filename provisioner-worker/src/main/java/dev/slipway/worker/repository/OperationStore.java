package dev.slipway.worker.repository;

import dev.slipway.common.model.OperationStatus;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Operation status transitions made by the worker. Terminal operations are never changed. */
@ApplicationScoped
public class OperationStore {
  private static final String OPEN = "status IN ('QUEUED', 'RUNNING')";
  private final Db db;

  OperationStore(Db db) {
    this.db = db;
  }

  /** The operation's current status, or empty when there is no such operation. */
  /**
   * How long ago the first operation of this tenant generation was queued: the start of the wait a
   * client sees until the tenant is Ready.
   */
  public Optional<Duration> sinceQueued(UUID tenantId, long generation) {
    return db.first(
            "SELECT (extract(epoch FROM now() - min(queued_at)) * 1000)::bigint AS ms"
                + " FROM operations WHERE tenant_id = $1 AND generation = $2",
            Tuple.of(tenantId, generation))
        .map(row -> row.getLong("ms"))
        .map(Duration::ofMillis);
  }

  public Optional<OperationStatus> status(UUID id) {
    return db.first("SELECT status FROM operations WHERE id = $1", Tuple.of(id))
        .map(row -> OperationStatus.valueOf(row.getString("status")));
  }

  /** Marks an open operation RUNNING and counts the attempt; false if it was already finished. */
  public boolean begin(UUID id) {
    return db.update(
            "UPDATE operations SET status = 'RUNNING', attempts = attempts + 1,"
                + " started_at = coalesce(started_at, now()) WHERE id = $1 AND "
                + OPEN,
            Tuple.of(id))
        == 1;
  }

  public void succeed(UUID id) {
    finish(id, OperationStatus.SUCCEEDED, null);
  }

  public void supersede(UUID id) {
    finish(id, OperationStatus.SUPERSEDED, null);
  }

  public void fail(UUID id, String reason) {
    finish(id, OperationStatus.FAILED, reason);
  }

  /** Records a transient failure; the operation stays RUNNING until a retry settles it. */
  public void recordRetry(UUID id, String reason) {
    db.update(
        "UPDATE operations SET last_error = $2 WHERE id = $1 AND " + OPEN, Tuple.of(id, reason));
  }

  private void finish(UUID id, OperationStatus status, String reason) {
    db.update(
        "UPDATE operations SET status = $2, last_error = coalesce($3, last_error),"
            + " finished_at = now() WHERE id = $1 AND "
            + OPEN,
        Tuple.of(id, status.name(), reason));
  }
}
