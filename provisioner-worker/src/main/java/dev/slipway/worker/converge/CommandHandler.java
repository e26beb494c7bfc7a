package dev.slipway.worker.converge;

import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.shared.tenants.TenantRow;
import dev.slipway.worker.apply.Applied;
import dev.slipway.worker.apply.TenantApplier;
import dev.slipway.worker.repository.CommandStore;
import dev.slipway.worker.repository.OperationStore;
import dev.slipway.worker.repository.TenantStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * The worker's convergence logic for one command, apart from the queue it came from. The command
 * only names the tenant and generation; the desired state always comes fresh from the database, so
 * redelivered, duplicated or late commands converge on the same result:
 *
 * <ul>
 *   <li>the operation is not the command's own (no such operation, or another tenant's, type or
 *       generation): forged; logged without the body, counted, and acknowledged untouched;
 *   <li>operation already finished: nothing to do (already-done, ack);
 *   <li>a newer generation exists: this command is superseded (its successor is queued behind it in
 *       the same message group);
 *   <li>otherwise apply (idempotent server-side apply) and record the result.
 * </ul>
 *
 * <p>On the happy path that is two database statements ({@link CommandStore}): one begins the
 * operation and loads the tenant, one records the apply and finishes the operation.
 */
@ApplicationScoped
public class CommandHandler {
  private static final Logger LOG = Logger.getLogger(CommandHandler.class);
  static final String STATUS_SPAN = "slipway status write";
  private final CommandStore commands;
  private final OperationStore operations;
  private final TenantStore tenants;
  private final TenantApplier applier;
  private final Tracer tracer;

  CommandHandler(
      CommandStore commands,
      OperationStore operations,
      TenantStore tenants,
      TenantApplier applier,
      Tracer tracer) {
    this.tracer = tracer;
    this.commands = commands;
    this.operations = operations;
    this.tenants = tenants;
    this.applier = applier;
  }

  Convergence handle(CommandEnvelope command) {
    var found =
        commands.begin(
            command.commandId(), command.tenantId(), command.type(), command.generation());
    if (found.isEmpty()) {
      // The API writes the operation and its message in one transaction (OutboxWriter), so a
      // message whose operation does not match was not written by it. Only identifiers are
      // logged: the rest of the message is the sender's.
      LOG.warnf(
          "refused forged command: operation %s is not tenant %s's %s operation",
          command.commandId(), command.tenantId(), command.type());
      return new Convergence.Forged();
    }
    CommandStore.Begin begin = found.get();
    if (!begin.begun()) {
      LOG.infof("operation already %s, nothing to do", begin.status());
      return new Convergence.AlreadyDone(begin.status());
    }
    TenantRow tenant =
        begin.tenant().orElseThrow(() -> new Failures.PermanentFailure("tenant not found"));
    long generation = tenant.spec().generation();
    if (command.generation() < generation) {
      // Level-triggered: converge on the latest desired state now; the newer command queued
      // behind this one in the tenant's message group then finds nothing left to change.
      LOG.infof("superseded by generation %d, applying that", generation);
      converge(command, tenant, OperationStatus.SUPERSEDED);
      return new Convergence.Converged(true);
    }
    if (command.generation() > generation) {
      throw new Failures.PermanentFailure(
          "command generation %d is ahead of the tenant's %d"
              .formatted(command.generation(), generation));
    }
    converge(command, tenant, OperationStatus.SUCCEEDED);
    return new Convergence.Converged(false);
  }

  /**
   * Applies (or deletes), records that on the tenant and finishes the operation as {@code done}.
   */
  private void converge(CommandEnvelope command, TenantRow stored, OperationStatus done) {
    TenantSpec tenant = stored.spec();
    if (tenant.desiredState() == DesiredState.DELETED) {
      written(
          "deleting", () -> tenants.recordPhase(tenant.id(), tenant.generation(), Phase.DELETING));
      logResults(tenant, applier.converge(tenant, stored.observedGeneration(), false));
      written(
          "deleted",
          () -> {
            tenants.recordPhase(tenant.id(), tenant.generation(), Phase.DELETED);
            operations.finish(command.commandId(), tenant.id(), done);
          });
    } else {
      logResults(
          tenant,
          applier.converge(
              tenant, stored.observedGeneration(), command.type() == OperationType.RECONCILE));
      written(
          "applied",
          () ->
              commands.finishApplied(command.commandId(), tenant.id(), tenant.generation(), done));
    }
  }

  /** A status write as a span of the command's trace, beside the applies it records. */
  private void written(String what, Runnable write) {
    Span span =
        tracer.spanBuilder(STATUS_SPAN).setAttribute("slipway.status.write", what).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      write.run();
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  private static void logResults(TenantSpec tenant, List<Applied> results) {
    LOG.infof(
        "applied generation %d: %s",
        tenant.generation(), results.stream().map(r -> r.result().tag()).toList());
  }

  void recordPermanentFailure(CommandEnvelope command, String reason) {
    operations.fail(command.commandId(), command.tenantId(), reason);
    tenants.recordFailure(command.tenantId(), command.generation(), reason);
  }

  /**
   * @return the operation's attempts so far; empty when they could not be recorded (the database
   *     may be what failed: the retry happens through the queue regardless)
   */
  OptionalInt recordRetry(CommandEnvelope command, String reason) {
    try {
      return operations.recordRetry(command.commandId(), command.tenantId(), reason);
    } catch (RuntimeException e) {
      LOG.debugf("could not record retry: %s", e.getMessage());
      return OptionalInt.empty();
    }
  }
}
