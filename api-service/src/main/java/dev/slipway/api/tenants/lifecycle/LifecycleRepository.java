package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.tenants.TenantRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lifecycle columns of the tenants table (migration V11). Every change of what the worker
 * converges on bumps the generation; an OFFLINE tenant keeps the state it returns to in
 * resume_state, so being both suspended and deleted nests.
 */
@ApplicationScoped
public class LifecycleRepository {
  /** The state to keep when going OFFLINE: the one already kept if it is OFFLINE already. */
  private static final String KEEP_RESUME =
      "resume_state = CASE WHEN desired_state = 'OFFLINE' THEN resume_state ELSE desired_state END,"
          + " desired_state = 'OFFLINE'";

  private static final String BUMP = ", generation = generation + 1, updated_at = now()";

  private final Pool pool;

  LifecycleRepository(Pool pool) {
    this.pool = pool;
  }

  Uni<TenantRow> softDelete(SqlClient tx, UUID id, Duration grace) {
    return update(
        tx,
        KEEP_RESUME
            + ", deleted_at = now(), purge_after = now() + make_interval(secs => $2)"
            + BUMP,
        Tuple.of(id, (double) grace.toMillis() / 1000));
  }

  /** Back to the kept state, or still OFFLINE while also suspended. */
  Uni<TenantRow> restore(SqlClient tx, UUID id) {
    return update(
        tx,
        "desired_state = CASE WHEN suspended_at IS NULL THEN resume_state ELSE 'OFFLINE' END,"
            + " resume_state = CASE WHEN suspended_at IS NULL THEN NULL ELSE resume_state END,"
            + " deleted_at = NULL, purge_after = NULL"
            + BUMP,
        Tuple.of(id));
  }

  /** Queues the hard delete: deleted_at and purge_after stay, for the record. */
  Uni<TenantRow> purge(SqlClient tx, UUID id) {
    return update(tx, "desired_state = 'DELETED', purged_at = now()" + BUMP, Tuple.of(id));
  }

  Uni<TenantRow> suspend(SqlClient tx, UUID id, String reason) {
    return update(
        tx,
        KEEP_RESUME + ", suspended_at = now(), suspension_reason = $2" + BUMP,
        Tuple.of(id, reason));
  }

  /** Only for a tenant that is not also deleted (the caller checks): back to the kept state. */
  Uni<TenantRow> resume(SqlClient tx, UUID id) {
    return update(
        tx,
        "desired_state = resume_state, resume_state = NULL, suspended_at = NULL,"
            + " suspension_reason = NULL"
            + BUMP,
        Tuple.of(id));
  }

  /**
   * Soft-deleted tenants whose grace period is over, unprotected, oldest first: the sweep's work.
   * Read without a lock; each purge locks and checks its row again.
   */
  Uni<List<String>> dueForPurge(int limit) {
    return pool.preparedQuery(
            "SELECT slug FROM tenants WHERE deleted_at IS NOT NULL AND purged_at IS NULL"
                + " AND purge_after <= now() AND deletion_protection IS NULL"
                + " ORDER BY purge_after LIMIT $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<String> slugs = new ArrayList<>();
              rows.forEach(r -> slugs.add(r.getString("slug")));
              return slugs;
            });
  }

  private static Uni<TenantRow> update(SqlClient tx, String set, Tuple args) {
    return tx.preparedQuery(
            "UPDATE tenants SET " + set + " WHERE id = $1 RETURNING " + TenantRow.COLUMNS)
        .execute(args)
        .map(rows -> TenantRow.from(rows.iterator().next()));
  }
}
