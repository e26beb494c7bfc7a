package dev.slipway.api.operations;

import dev.slipway.shared.outbox.NewCommand;
import dev.slipway.shared.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes the operations table. */
@ApplicationScoped
public class OperationRepository {
  private final Pool pool;

  OperationRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records an operation and its outbox command in one statement (service-common's {@link
   * OutboxWriter}): one round trip instead of two on every mutation (a create's transaction is
   * otherwise five round trips long).
   */
  public Uni<OperationRow> insertWithCommand(SqlClient tx, NewCommand command) {
    return OutboxWriter.insert(tx, List.of(command), OperationRow.COLUMNS)
        .map(rows -> OperationRow.from(rows.iterator().next()));
  }

  /**
   * Records several operations and their outbox commands in one statement (a replay's chunk),
   * outbox rows in list order, so the relay publishes them in that order. Returns the rows in list
   * order.
   */
  public Uni<List<OperationRow>> insertAllWithCommands(SqlClient tx, List<NewCommand> commands) {
    if (commands.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return OutboxWriter.insert(tx, commands, OperationRow.COLUMNS)
        .map(
            rows -> {
              Map<UUID, OperationRow> byId = new HashMap<>();
              rows.forEach(r -> byId.put(r.getUUID("id"), OperationRow.from(r)));
              return commands.stream().map(c -> byId.get(c.operationId())).toList();
            });
  }

  /** One page of a tenant's operations, newest first, strictly before the given position. */
  public Uni<List<OperationRow>> listForTenant(
      UUID tenantId, OffsetDateTime beforeQueuedAt, UUID beforeId, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + OperationRow.COLUMNS
                + " FROM operations WHERE tenant_id = $1 AND (queued_at, id) < ($2, $3)"
                + " ORDER BY queued_at DESC, id DESC LIMIT $4")
        .execute(Tuple.of(tenantId, beforeQueuedAt, beforeId, limit))
        .map(
            rows -> {
              List<OperationRow> out = new ArrayList<>();
              rows.forEach(r -> out.add(OperationRow.from(r)));
              return out;
            });
  }

  public Uni<Optional<OperationRow>> findById(UUID id) {
    return pool.preparedQuery("SELECT " + OperationRow.COLUMNS + " FROM operations WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              var it = rows.iterator();
              return it.hasNext() ? Optional.of(OperationRow.from(it.next())) : Optional.empty();
            });
  }
}
