package dev.slipway.api.operations;

import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
   * Records an operation and its outbox command in one statement: one round trip instead of two on
   * every mutation (a create's transaction is otherwise five round trips long). The command's group
   * is the tenant, so the relay keeps one tenant's commands in order.
   */
  public Uni<OperationRow> insertWithCommand(
      SqlClient tx, UUID id, UUID tenantId, OperationType type, long generation, String body) {
    return tx.preparedQuery(
            "WITH op AS (INSERT INTO operations (id, tenant_id, type, generation)"
                + " VALUES ($1, $2, $3, $4) RETURNING "
                + OperationRow.COLUMNS
                + "), cmd AS (INSERT INTO outbox (operation_id, group_id, body)"
                + " SELECT id, tenant_id::text, $5 FROM op)"
                + " SELECT * FROM op")
        .execute(Tuple.of(id, tenantId, type.name(), generation, body))
        .map(rows -> OperationRow.from(rows.iterator().next()));
  }

  /** One operation to record with its command ({@link #insertAllWithCommands}). */
  public record NewOperation(
      UUID id, UUID tenantId, OperationType type, long generation, String body) {}

  /**
   * Records several operations and their outbox commands in one statement (a replay's chunk),
   * outbox rows in list order, so the relay publishes them in that order. Returns the rows in list
   * order.
   */
  public Uni<List<OperationRow>> insertAllWithCommands(SqlClient tx, List<NewOperation> ops) {
    if (ops.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    int n = ops.size();
    UUID[] ids = new UUID[n];
    UUID[] tenants = new UUID[n];
    String[] types = new String[n];
    Long[] generations = new Long[n];
    String[] bodies = new String[n];
    for (int i = 0; i < n; i++) {
      NewOperation o = ops.get(i);
      ids[i] = o.id();
      tenants[i] = o.tenantId();
      types[i] = o.type().name();
      generations[i] = o.generation();
      bodies[i] = o.body();
    }
    // The outbox rows come from the input, not from op's RETURNING (whose order is not defined).
    return tx.preparedQuery(
            "WITH u AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[],"
                + " $5::text[]) WITH ORDINALITY AS u(id, tenant_id, type, generation, body, i)),"
                + " op AS (INSERT INTO operations (id, tenant_id, type, generation)"
                + " SELECT id, tenant_id, type, generation FROM u ORDER BY i RETURNING "
                + OperationRow.COLUMNS
                + "), cmd AS (INSERT INTO outbox (operation_id, group_id, body)"
                + " SELECT id, tenant_id::text, body FROM u ORDER BY i)"
                + " SELECT * FROM op")
        .execute(Tuple.from(new Object[] {ids, tenants, types, generations, bodies}))
        .map(
            rows -> {
              Map<UUID, OperationRow> byId = new HashMap<>();
              rows.forEach(r -> byId.put(r.getUUID("id"), OperationRow.from(r)));
              return Arrays.stream(ids).map(byId::get).toList();
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
