package dev.slipway.worker.messaging;

import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.worker.apply.TenantApplier;
import dev.slipway.worker.repository.OperationStore;
import dev.slipway.worker.repository.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The worker's business logic for one command. The command only names the tenant and generation;
 * the desired state always comes fresh from the database, so redelivered, duplicated or late
 * commands converge on the same result:
 *
 * <ul>
 *   <li>operation already finished: nothing to do (already-done, ack);
 *   <li>a newer generation exists: this command is superseded (its successor is queued behind it in
 *       the same message group);
 *   <li>otherwise apply (idempotent server-side apply) and record the result.
 * </ul>
 */
@ApplicationScoped
public class CommandHandler {
  private static final Logger LOG = Logger.getLogger(CommandHandler.class);
  private final OperationStore operations;
  private final TenantStore tenants;
  private final TenantApplier applier;

  CommandHandler(OperationStore operations, TenantStore tenants, TenantApplier applier) {
    this.operations = operations;
    this.tenants = tenants;
    this.applier = applier;
  }

  Outcome handle(CommandEnvelope command) {
    Optional<OperationStatus> status = operations.status(command.commandId());
    if (status.isEmpty()) {
      throw new Failures.PermanentFailure("unknown operation " + command.commandId());
    }
    if (status.get().isTerminal() || !operations.begin(command.commandId())) {
      LOG.infof("operation already %s, nothing to do", status.get());
      return Outcome.ack(Outcome.ALREADY_DONE);
    }
    TenantSpec tenant =
        tenants
            .load(command.tenantId())
            .orElseThrow(() -> new Failures.PermanentFailure("tenant not found"));
    if (command.generation() < tenant.generation()) {
      // Level-triggered: converge on the latest desired state now; the newer command queued
      // behind this one in the tenant's message group then finds nothing left to change.
      LOG.infof("superseded by generation %d, applying that", tenant.generation());
      converge(tenant);
      operations.supersede(command.commandId());
      return Outcome.ack(Outcome.SUPERSEDED);
    }
    if (command.generation() > tenant.generation()) {
      throw new Failures.PermanentFailure(
          "command generation %d is ahead of the tenant's %d"
              .formatted(command.generation(), tenant.generation()));
    }
    converge(tenant);
    operations.succeed(command.commandId());
    return Outcome.ack(Outcome.SUCCEEDED);
  }

  private void converge(TenantSpec tenant) {
    boolean delete = tenant.desiredState() == DesiredState.DELETED;
    if (delete) {
      tenants.recordPhase(tenant.id(), tenant.generation(), Phase.DELETING);
    }
    var results = applier.converge(tenant);
    LOG.infof(
        "applied generation %d: %s",
        tenant.generation(), results.stream().map(r -> r.result().tag()).toList());
    if (delete) {
      tenants.recordPhase(tenant.id(), tenant.generation(), Phase.DELETED);
    } else {
      tenants.recordApplied(tenant.id(), tenant.generation());
    }
  }

  void recordPermanentFailure(CommandEnvelope command, String reason) {
    operations.fail(command.commandId(), reason);
    tenants.recordFailure(command.tenantId(), command.generation(), reason);
  }

  void recordRetry(CommandEnvelope command, String reason) {
    try {
      operations.recordRetry(command.commandId(), reason);
    } catch (RuntimeException e) {
      // The database may be what failed; the retry happens through the queue regardless.
      LOG.debugf("could not record retry: %s", e.getMessage());
    }
  }
}
