package dev.slipway.api.repository;

import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes the operations table. */
@ApplicationScoped
public class OperationRepository {
  private final Pool pool;

  OperationRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<OperationRow> insert(
      SqlClient tx, UUID id, UUID tenantId, OperationType type, long generation) {
    return tx.preparedQuery(
            "INSERT INTO operations (id, tenant_id, type, generation) VALUES ($1, $2, $3, $4)"
                + " RETURNING "
                + OperationRow.COLUMNS)
        .execute(Tuple.of(id, tenantId, type.name(), generation))
        .map(rows -> OperationRow.from(rows.iterator().next()));
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
