package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.tenants.LifecycleRules;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantRow;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Suspend and resume, admin decisions with a reason: a suspended tenant is OFFLINE (scaled to zero,
 * no Ingress) and neither its own token nor a start brings it back; only resume does, to the state
 * it had. Unlike stop, which a tenant may do and undo itself.
 */
@ApplicationScoped
public class TenantSuspension {
  private final LifecycleWrites writes;
  private final LifecycleRepository tenants;

  TenantSuspension(LifecycleWrites writes, LifecycleRepository tenants) {
    this.writes = writes;
    this.tenants = tenants;
  }

  public Uni<TenantChanged> suspend(
      SqlClient tx,
      String slug,
      String reason,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    String why = OpsAudit.requireReason(reason);
    return writes.apply(
        tx,
        slug,
        ifMatch,
        visible,
        new LifecycleWrites.Change(
            LifecycleRules::requireSuspendable,
            row -> tenants.suspend(tx, row.id(), why),
            OperationType.SUSPEND,
            "tenant.suspend",
            by,
            why));
  }

  public Uni<TenantChanged> resume(
      SqlClient tx,
      String slug,
      String reason,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    String why = OpsAudit.requireReason(reason);
    return writes.apply(
        tx,
        slug,
        ifMatch,
        visible,
        new LifecycleWrites.Change(
            LifecycleRules::requireResumable,
            row -> tenants.resume(tx, row.id()),
            OperationType.RESUME,
            "tenant.resume",
            by,
            why));
  }
}
