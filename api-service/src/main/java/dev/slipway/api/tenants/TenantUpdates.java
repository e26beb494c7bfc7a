package dev.slipway.api.tenants;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Changes a tenant's plan, image version or gateway limits: locks the row, checks the precondition,
 * and when the settings really change, bumps the generation and queues an UPDATE in the same
 * transaction. An update that changes nothing queues nothing, so clients can re-send a desired
 * configuration without rolling pods.
 */
@ApplicationScoped
public class TenantUpdates {
  private final TenantRepository tenants;
  private final TenantLocks locks;
  private final OperationEnqueuer enqueuer;
  private final PlanCatalog plans;
  private final OpsAudit audit;

  TenantUpdates(
      TenantRepository tenants,
      TenantLocks locks,
      OperationEnqueuer enqueuer,
      PlanCatalog plans,
      OpsAudit audit) {
    this.tenants = tenants;
    this.locks = locks;
    this.enqueuer = enqueuer;
    this.plans = plans;
    this.audit = audit;
  }

  /** A change is recorded with {@code requester} on its operation and in the audit trail. */
  public Uni<TenantChanged> update(
      SqlClient tx,
      String slug,
      SettingsChange change,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester requester) {
    if (change.isEmpty()) {
      throw ApiException.validation(
          "nothing to update: give at least one of plan, imageVersion, gatewayConfig");
    }
    return locks
        .lock(tx, slug, ifMatch, visible)
        .flatMap(row -> change(tx, row, change, requester));
  }

  private Uni<TenantChanged> change(
      SqlClient tx, TenantRow row, SettingsChange change, Requester requester) {
    if (row.desiredState() == DesiredState.DELETED) {
      throw ApiException.conflict(
          "the tenant is deleted; create a new one instead (desired state DELETED)");
    }
    TenantSettings next = change.applyTo(row.settings(), plans);
    if (next.equals(row.settings())) {
      return Uni.createFrom().item(new TenantChanged(row, null, null));
    }
    return tenants
        .changeSettings(tx, row.id(), next)
        .flatMap(
            updated ->
                enqueuer
                    .enqueue(
                        tx,
                        updated.id(),
                        updated.slug(),
                        updated.generation(),
                        OperationType.UPDATE,
                        requester)
                    .call(
                        op ->
                            audit.recordTenantWrite(
                                tx,
                                requester,
                                OpsAudit.tenantAction("update"),
                                updated.slug(),
                                updated.generation(),
                                op.id()))
                    .map(op -> new TenantChanged(updated, op, null)));
  }
}
