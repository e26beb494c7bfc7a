package dev.slipway.api.operations;

import dev.slipway.api.outbox.OutboxRelay;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      SqlClient tx, UUID tenantId, String slug, long generation, OperationType type) {
    UUID operationId = UUID.randomUUID();
    String body = command(operationId, type, tenantId, slug, generation);
    return operations.insertWithCommand(tx, operationId, tenantId, type, generation, body);
  }

  /**
   * An operation to enqueue with others ({@link #enqueueAll}); its id chosen by the caller, who may
   * write rows naming it in the same transaction at once.
   */
  public record Target(
      UUID operationId, UUID tenantId, String slug, long generation, OperationType type) {}

  /**
   * As {@link #enqueue} for several operations, in one statement: their commands are published in
   * list order. Returns the operations in list order.
   */
  public Uni<List<OperationRow>> enqueueAll(SqlClient tx, List<Target> targets) {
    List<OperationRepository.NewOperation> ops = new ArrayList<>();
    for (Target t : targets) {
      ops.add(
          new OperationRepository.NewOperation(
              t.operationId(),
              t.tenantId(),
              t.type(),
              t.generation(),
              command(t.operationId(), t.type(), t.tenantId(), t.slug(), t.generation())));
    }
    return operations.insertAllWithCommands(tx, ops);
  }

  /** The queue message of an operation, for a caller that inserts it with its own statement. */
  public String command(
      UUID operationId, OperationType type, UUID tenantId, String slug, long generation) {
    return CommandCodec.encode(
        CommandEnvelope.of(operationId, type, tenantId, slug, generation, Instant.now(), Map.of()));
  }

  /** Call once the transaction committed: publish now rather than at the next poll. */
  public void committed() {
    relay.wakeUp();
  }
}
