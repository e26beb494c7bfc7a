package dev.slipway.api.tenants;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.tokens.TokenSealing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Start, stop, delete and token rotation. Each locks the tenant row, checks the caller's
 * precondition (If-Match generation) and the transition, then records the new desired state, its
 * operation and its command in one transaction. Asking for the state a tenant is already in changes
 * nothing and queues nothing.
 */
@ApplicationScoped
public class TenantLifecycle {
  private final TenantRepository tenants;
  private final TenantLocks locks;
  private final OperationEnqueuer enqueuer;
  private final TokenSealing sealing;

  private final OpsAudit audit;

  TenantLifecycle(
      TenantRepository tenants,
      TenantLocks locks,
      OperationEnqueuer enqueuer,
      OpsAudit audit,
      TokenSealing sealing) {
    this.tenants = tenants;
    this.locks = locks;
    this.enqueuer = enqueuer;
    this.audit = audit;
    this.sealing = sealing;
  }

  /**
   * Applies the action in the caller's transaction. {@code visible} vets the locked row for the
   * caller (it throws, typically a 404, for a tenant the caller may not see). A change is recorded
   * with {@code requester} on its operation and in the audit trail.
   */
  public Uni<TenantChanged> apply(
      SqlClient tx,
      String slug,
      TenantAction action,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester requester) {
    return locks
        .lock(tx, slug, ifMatch, visible)
        .flatMap(row -> change(tx, row, action, requester));
  }

  private Uni<TenantChanged> change(
      SqlClient tx, TenantRow row, TenantAction action, Requester requester) {
    TenantAction.Decision decision = action.decide(row.desiredState());
    if (decision.isConflict()) {
      throw ApiException.conflict(
          decision.conflict() + " (desired state " + row.desiredState() + ")");
    }
    if (!decision.isChange()) {
      return Uni.createFrom().item(new TenantChanged(row, null, null));
    }
    String token = action == TenantAction.ROTATE_TOKEN ? Tokens.newGatewayToken() : null;
    Uni<TokenSealing.Sealed> newToken =
        token == null ? Uni.createFrom().nullItem() : sealing.seal(token);
    return newToken
        .flatMap(stored -> tenants.changeDesired(tx, row.id(), decision.target(), stored))
        .flatMap(
            updated ->
                enqueuer
                    .enqueue(
                        tx,
                        updated.id(),
                        updated.slug(),
                        updated.generation(),
                        action.operationType(),
                        requester)
                    .call(
                        op ->
                            audit.recordTenantWrite(
                                tx,
                                requester,
                                OpsAudit.tenantAction(action.name()),
                                updated.slug(),
                                updated.generation(),
                                op.id()))
                    .map(op -> new TenantChanged(updated, op, token)));
  }
}
