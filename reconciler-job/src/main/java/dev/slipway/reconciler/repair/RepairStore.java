package dev.slipway.reconciler.repair;

import dev.slipway.common.model.OperationType;
import dev.slipway.common.retry.RepairBackoff;
import dev.slipway.reconciler.diff.StatusFix;
import dev.slipway.reconciler.scan.OpenOperation;
import dev.slipway.shared.outbox.NewCommand;
import dev.slipway.shared.outbox.OutboxWriter;
import dev.slipway.shared.tenants.TenantRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reconciler's database writes. A RECONCILE goes through the outbox exactly as the API's
 * commands do (operation and outbox row in one transaction, tenant row locked first so commands of
 * one tenant keep their order); the relay publishes it and the worker stays the only writer to the
 * cluster.
 */
@ApplicationScoped
public class RepairStore {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Pool pool;

  RepairStore(Pool pool) {
    this.pool = pool;
  }

  /** Enqueues a RECONCILE for the tenant's current generation; empty if the tenant is gone. */
  public Optional<UUID> enqueueReconcile(UUID tenantId) {
    return pool.withTransaction(tx -> enqueue(tx, tenantId)).await().atMost(TIMEOUT);
  }

  /**
   * Enqueues a RECONCILE that repairs drift, and records the tenant's repair back-off after it in
   * the same transaction; empty if the tenant is gone (nothing recorded then).
   */
  public Optional<UUID> enqueueRepair(UUID tenantId, RepairBackoff.State backoff) {
    return pool.withTransaction(
            tx ->
                enqueue(tx, tenantId)
                    .flatMap(
                        op ->
                            op.isEmpty()
                                ? Uni.createFrom().item(op)
                                : RepairBackoffStore.record(tx, tenantId, backoff).replaceWith(op)))
        .await()
        .atMost(TIMEOUT);
  }

  /**
   * What {@link #replaceStuck} did: operations superseded, and the RECONCILE enqueued in their
   * place (empty when not asked for, or when every operation finished meanwhile: the worker was
   * only slow).
   */
  public record Replacement(int superseded, Optional<UUID> reconcile) {}

  /**
   * Supersedes the stuck operations of one tenant and, when {@code reEnqueue}, enqueues one
   * RECONCILE in their place, in one transaction.
   */
  public Replacement replaceStuck(List<OpenOperation> stuck, boolean reEnqueue) {
    UUID tenantId = stuck.get(0).tenantId();
    UUID[] ids = stuck.stream().map(OpenOperation::id).toArray(UUID[]::new);
    String why = reEnqueue ? "re-enqueued by the reconciler" : "a younger operation is queued";
    return pool.withTransaction(
            tx ->
                tx.preparedQuery(
                        "UPDATE operations SET status = 'SUPERSEDED', finished_at = now(),"
                            + " last_error = 'stuck since ' || coalesce(started_at, queued_at)"
                            + " || ', ' || $2 WHERE id = ANY($1)"
                            + " AND status IN ('QUEUED', 'RUNNING')")
                    .execute(Tuple.of(ids, why))
                    .flatMap(
                        rows ->
                            (rows.rowCount() > 0 && reEnqueue
                                    ? enqueue(tx, tenantId)
                                    : Uni.createFrom().item(Optional.<UUID>empty()))
                                .map(reconcile -> new Replacement(rows.rowCount(), reconcile))))
        .await()
        .atMost(TIMEOUT);
  }

  /** Records the observed status, only if the phase and generation are still what was read. */
  public boolean recordStatus(TenantRow tenant, StatusFix fix) {
    return pool.preparedQuery(
                "UPDATE tenants SET phase = $3, ready_replicas = $4,"
                    + " conditions = slipway_set_condition(conditions, 'Ready', $5, $6, $7),"
                    + " status_updated_at = now(), updated_at = now()"
                    + " WHERE id = $1 AND generation = $2 AND phase = $8")
            .execute(
                Tuple.from(
                    new Object[] {
                      tenant.spec().id(),
                      tenant.spec().generation(),
                      fix.target().name(),
                      fix.readyReplicas(),
                      fix.ready(),
                      fix.reason(),
                      "reconciler: " + fix.message(),
                      fix.expected().name()
                    }))
            .await()
            .atMost(TIMEOUT)
            .rowCount()
        == 1;
  }

  private static Uni<Optional<UUID>> enqueue(SqlClient tx, UUID tenantId) {
    return tx.preparedQuery("SELECT slug, generation FROM tenants WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(tenantId))
        .flatMap(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return Uni.createFrom().item(Optional.<UUID>empty());
              }
              var row = rows.iterator().next();
              return insert(tx, tenantId, row.getString("slug"), row.getLong("generation"));
            });
  }

  private static Uni<Optional<UUID>> insert(
      SqlClient tx, UUID tenantId, String slug, long generation) {
    NewCommand command = NewCommand.of(tenantId, slug, OperationType.RECONCILE, generation);
    return OutboxWriter.insert(tx, List.of(command), "id")
        .map(ignored -> Optional.of(command.operationId()));
  }
}
