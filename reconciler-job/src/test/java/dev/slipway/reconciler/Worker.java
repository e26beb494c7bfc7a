package dev.slipway.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.command.InvalidCommandException;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.TenantSpec;
import java.util.UUID;

/**
 * Checks repairs at the outbox row (what the relay publishes) and plays the worker's part: apply
 * the tenant's desired objects and finish its open operations.
 */
public final class Worker {
  private final Fleet fleet;

  public Worker(Fleet fleet) {
    this.fleet = fleet;
  }

  /** Open RECONCILE operations of the tenant. */
  public long openReconciles(UUID tenantId) {
    return fleet.count(
        "SELECT count(*) FROM operations WHERE tenant_id = $1 AND type = 'RECONCILE'"
            + " AND status = 'QUEUED'",
        tenantId);
  }

  /**
   * Asserts exactly one RECONCILE is queued for the tenant, with its outbox row in the tenant's
   * message group carrying a RECONCILE command for the tenant's generation.
   */
  public void assertOneReconcileQueued(TenantSpec tenant) throws InvalidCommandException {
    assertEquals(1, openReconciles(tenant.id()), "open RECONCILE operations of " + tenant.slug());
    String body =
        fleet.text(
            "SELECT b.body FROM outbox b JOIN operations o ON o.id = b.operation_id"
                + " WHERE o.tenant_id = $1 AND o.type = 'RECONCILE' AND o.status = 'QUEUED'"
                + " AND b.group_id = $2 AND b.sent_at IS NULL",
            tenant.id(),
            tenant.id().toString());
    CommandEnvelope command = CommandCodec.decode(body);
    assertEquals(OperationType.RECONCILE, command.type());
    assertEquals(tenant.id(), command.tenantId());
    assertEquals(tenant.slug(), command.slug());
    assertEquals(tenant.generation(), command.generation());
  }

  /** The worker's handling of the tenant's queued commands: converge, then SUCCEEDED. */
  public void process(TenantSpec tenant) {
    fleet.converge(tenant);
    fleet.execute(
        "UPDATE operations SET status = 'SUCCEEDED', finished_at = now()"
            + " WHERE tenant_id = $1 AND status IN ('QUEUED', 'RUNNING')",
        tenant.id());
    fleet.execute("UPDATE outbox SET sent_at = now() WHERE group_id = $1", tenant.id().toString());
  }
}
