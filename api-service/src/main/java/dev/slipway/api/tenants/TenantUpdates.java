package dev.slipway.api.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.tenants.labels.Labels;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Changes a tenant's plan, image version, gateway limits or labels: locks the row, checks the
 * precondition, and when the settings really change, bumps the generation and queues an UPDATE in
 * the same transaction. An update that changes nothing queues nothing, so clients can re-send a
 * desired configuration without rolling pods.
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
      ProtectionChange protection,
      Map<String, JsonNode> labels,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester requester) {
    if (change.isEmpty() && !protection.given() && labels == null) {
      throw ApiException.validation(
          "nothing to update: give at least one of plan, imageVersion, gatewayConfig,"
              + " deletionProtection, labels");
    }
    return locks
        .lock(tx, slug, ifMatch, visible)
        .flatMap(row -> protect(tx, row, protection, requester))
        .flatMap(row -> relabel(tx, row, labels, requester))
        .flatMap(row -> change(tx, row, change, requester));
  }

  /**
   * Sets or clears deletion protection. Not something the worker converges on, so no generation and
   * no operation: a change of protection alone answers 200. It is audited all the same, as
   * tenant.protect or tenant.unprotect with the reason given.
   */
  private Uni<TenantRow> protect(
      SqlClient tx, TenantRow row, ProtectionChange protection, Requester requester) {
    if (!protection.given()) {
      return Uni.createFrom().item(row);
    }
    LifecycleRules.requireOperable(row, true);
    if (java.util.Objects.equals(protection.reason(), row.lifecycle().deletionProtection())) {
      return Uni.createFrom().item(row);
    }
    boolean set = protection.reason() != null;
    return tenants
        .protect(tx, row.id(), protection.reason())
        .call(
            updated ->
                audit.recordTenantWrite(
                    tx,
                    requester,
                    OpsAudit.tenantAction(set ? "protect" : "unprotect"),
                    updated.slug(),
                    updated.generation(),
                    protection.reason(),
                    set ? "deletion protection set" : "deletion protection cleared"));
  }

  /**
   * Merges {@code labels} into the tenant's (a null value removes a key). Like protection, not
   * desired state: no generation, no operation; audited as tenant.label with the labels after.
   */
  private Uni<TenantRow> relabel(
      SqlClient tx, TenantRow row, Map<String, JsonNode> labels, Requester requester) {
    if (labels == null) {
      return Uni.createFrom().item(row);
    }
    Map<String, String> next = Labels.merge(row.labels(), labels);
    if (next.equals(row.labels())) {
      return Uni.createFrom().item(row);
    }
    LifecycleRules.requireOperable(row, true);
    String json = Labels.write(next);
    return tenants
        .relabel(tx, row.id(), json)
        .call(
            updated ->
                audit.recordTenantWrite(
                    tx,
                    requester,
                    OpsAudit.tenantAction("label"),
                    updated.slug(),
                    updated.generation(),
                    null,
                    "labels now " + json));
  }

  private Uni<TenantChanged> change(
      SqlClient tx, TenantRow row, SettingsChange change, Requester requester) {
    LifecycleRules.requireOperable(row, true);
    if (change.isEmpty()) {
      return Uni.createFrom().item(new TenantChanged(row, null, null));
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
