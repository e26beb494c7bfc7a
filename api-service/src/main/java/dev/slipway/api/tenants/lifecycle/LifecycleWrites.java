package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantLocks;
import dev.slipway.api.tenants.TenantRow;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one path of every lifecycle change, in the caller's transaction: lock the row, vet it
 * (caller, If-Match, the rule), write the change, queue its operation with its requester and record
 * who did it and why in the audit trail (GET /v1/ops/audit), through the audit record every tenant
 * write has ({@link OpsAudit#recordTenantWrite}). All or nothing.
 */
@ApplicationScoped
class LifecycleWrites {
  private final TenantLocks locks;
  private final OperationEnqueuer enqueuer;
  private final OpsAudit audit;

  LifecycleWrites(TenantLocks locks, OperationEnqueuer enqueuer, OpsAudit audit) {
    this.locks = locks;
    this.enqueuer = enqueuer;
    this.audit = audit;
  }

  /** What one change is: its rule, its write, its operation and its audit record. */
  record Change(
      Consumer<TenantRow> rule,
      Function<TenantRow, Uni<TenantRow>> write,
      OperationType type,
      String action,
      Requester requester,
      String reason) {}

  Uni<TenantChanged> apply(
      SqlClient tx,
      String slug,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Change change) {
    return locks
        .lock(tx, slug, ifMatch, visible)
        .invoke(change.rule())
        .flatMap(row -> change.write().apply(row))
        .flatMap(
            updated ->
                enqueuer
                    .enqueue(
                        tx,
                        updated.id(),
                        updated.slug(),
                        updated.generation(),
                        change.type(),
                        change.requester())
                    .call(
                        op ->
                            audit.recordTenantWrite(
                                tx,
                                change.requester(),
                                change.action(),
                                updated.slug(),
                                updated.generation(),
                                change.reason(),
                                OpsAudit.tenantOutcome(op.id())))
                    .map(op -> new TenantChanged(updated, op, null)));
  }
}
