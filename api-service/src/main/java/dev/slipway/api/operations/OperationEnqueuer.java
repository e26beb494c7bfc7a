package dev.slipway.api.operations;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.outbox.OutboxRelay;
import dev.slipway.common.model.OperationType;
import dev.slipway.shared.outbox.NewCommand;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Records an operation and its command in the caller's transaction: the command is published if and
 * only if the change it carries commits.
 */
@ApplicationScoped
public class OperationEnqueuer {
  private final OperationRepository operations;
  private final OutboxRelay relay;

  OperationEnqueuer(OperationRepository operations, OutboxRelay relay) {
    this.operations = operations;
    this.relay = relay;
  }

  public Uni<OperationRow> enqueue(
      SqlClient tx,
      UUID tenantId,
      String slug,
      long generation,
      OperationType type,
      Requester requester) {
    return operations.insertWithCommand(
        tx, requestedBy(NewCommand.of(tenantId, slug, type, generation), requester));
  }

  /**
   * An operation to enqueue with others ({@link #enqueueAll}); its id chosen by the caller, who may
   * write rows naming it in the same transaction at once.
   */
  public record Target(
      UUID operationId,
      UUID tenantId,
      String slug,
      long generation,
      OperationType type,
      Requester requester) {

    NewCommand command() {
      return new NewCommand(
          operationId, tenantId, slug, type, generation, requester.issuer(), requester.subject());
    }
  }

  /**
   * As {@link #enqueue} for several operations, in one statement: their commands are published in
   * list order. Returns the operations in list order.
   */
  public Uni<List<OperationRow>> enqueueAll(SqlClient tx, List<Target> targets) {
    return operations.insertAllWithCommands(tx, targets.stream().map(Target::command).toList());
  }

  /** {@code command} recorded as asked for by {@code requester}. */
  public static NewCommand requestedBy(NewCommand command, Requester requester) {
    return command.requestedBy(requester.issuer(), requester.subject());
  }

  /** Call once the transaction committed: publish now rather than at the next poll. */
  public void committed() {
    relay.wakeUp();
  }
}
