package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.tenants.Frozen;
import dev.slipway.api.tenants.LifecycleRules;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantLocks;
import dev.slipway.api.tenants.TenantRepository;
import dev.slipway.api.tenants.TenantRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Freeze and unfreeze, admin decisions with a reason: a frozen tenant is skipped by rollouts and
 * bulk operations, and the reconciler only reports its drift. Not desired state of the workload, so
 * neither bumps the generation nor queues an operation (200 with the tenant). Idempotent: freezing
 * a tenant frozen for the same reason, or unfreezing one not frozen, changes nothing and answers
 * 200; freezing one frozen for another reason is a 409 naming the current reason, so a second admin
 * learns why it is frozen instead of overwriting it.
 */
@ApplicationScoped
public class TenantFreeze {
  private final TenantLocks locks;
  private final TenantRepository tenants;
  private final OpsAudit audit;

  TenantFreeze(TenantLocks locks, TenantRepository tenants, OpsAudit audit) {
    this.locks = locks;
    this.tenants = tenants;
    this.audit = audit;
  }

  public Uni<TenantChanged> freeze(
      SqlClient tx,
      String slug,
      String reason,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    String why = OpsAudit.requireReason(reason);
    return locks
        .lock(tx, slug, ifMatch, visible)
        .flatMap(
            row -> {
              LifecycleRules.requireOperable(row, true);
              Frozen current = row.frozen();
              if (current != null) {
                if (current.reason().equals(why)) {
                  return Uni.createFrom().item(new TenantChanged(row, null, null));
                }
                throw ApiException.conflict(
                    "the tenant is already frozen by %s: \"%s\"; unfreeze it first"
                        .formatted(current.by(), current.reason()));
              }
              return write(tx, row, why, why, by, "tenant.freeze", "frozen");
            });
  }

  /** Unfreezes; {@code reason} may be null (recorded in the audit trail when given). */
  public Uni<TenantChanged> unfreeze(
      SqlClient tx,
      String slug,
      String reason,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    // The reason is optional here: the freeze's own reason said why it was needed.
    String why = reason == null || reason.isBlank() ? null : OpsAudit.requireReason(reason);
    return locks
        .lock(tx, slug, ifMatch, visible)
        .flatMap(
            row ->
                row.frozen() == null
                    ? Uni.createFrom().item(new TenantChanged(row, null, null))
                    : write(tx, row, null, why, by, "tenant.unfreeze", "unfrozen"));
  }

  /** {@code frozenReason} null unfreezes; {@code why} is what the audit record says. */
  private Uni<TenantChanged> write(
      SqlClient tx,
      TenantRow row,
      String frozenReason,
      String why,
      Requester by,
      String action,
      String outcome) {
    return tenants
        .freeze(tx, row.id(), frozenReason, by.subject())
        .call(
            updated ->
                audit.recordTenantWrite(
                    tx, by, action, updated.slug(), updated.generation(), why, outcome))
        .map(updated -> new TenantChanged(updated, null, null));
  }
}
