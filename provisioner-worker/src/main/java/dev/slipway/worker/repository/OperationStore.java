package dev.slipway.worker.repository;

import dev.slipway.common.model.OperationStatus;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Operation status transitions made by the worker. Terminal operations are never changed, and every
 * write names the operation's tenant too, so a command naming another tenant's operation cannot
 * mark it (see {@link CommandStore}).
 */
@ApplicationScoped
public class OperationStore {
  /** An operation not finished yet: the only kind any worker statement changes. */
  static final String OPEN = "status IN ('QUEUED', 'RUNNING')";

  private final Db db;

  OperationStore(Db db) {
    this.db = db;
  }

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

  /**
   * Finishes an open operation as {@code status} (SUCCEEDED, or SUPERSEDED); the tenant's own
   * status is recorded separately. Applies finish through {@link CommandStore#finishApplied}
   * instead.
   */
  public void finish(UUID id, UUID tenantId, OperationStatus status) {
    finish(id, tenantId, status, null);
  }

  public void fail(UUID id, UUID tenantId, String reason) {
    finish(id, tenantId, OperationStatus.FAILED, reason);
  }

  /**
   * Records a transient failure; the operation stays RUNNING until a retry settles it.
   *
   * @return how many deliveries have begun the operation so far; empty when it is not open
   */
  public OptionalInt recordRetry(UUID id, UUID tenantId, String reason) {
    return db.first(
            "UPDATE operations SET last_error = $3 WHERE id = $1 AND tenant_id = $2 AND "
                + OPEN
                + " RETURNING attempts",
            Tuple.of(id, tenantId, reason))
        .map(row -> OptionalInt.of(row.getInteger("attempts")))
        .orElse(OptionalInt.empty());
  }

  private void finish(UUID id, UUID tenantId, OperationStatus status, String reason) {
    db.update(
        "UPDATE operations SET status = $3, last_error = coalesce($4, last_error),"
            + " finished_at = now() WHERE id = $1 AND tenant_id = $2 AND "
            + OPEN,
        Tuple.of(id, tenantId, status.name(), reason));
  }
}
