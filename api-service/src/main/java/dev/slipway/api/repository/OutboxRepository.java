package dev.slipway.api.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Writes commands to the outbox, inside the caller's transaction. The relay reads them. */
@ApplicationScoped
public class OutboxRepository {

  public Uni<Void> insert(SqlClient tx, UUID operationId, UUID groupId, String body) {
    return tx.preparedQuery("INSERT INTO outbox (operation_id, group_id, body) VALUES ($1, $2, $3)")
        .execute(Tuple.of(operationId, groupId.toString(), body))
        .replaceWithVoid();
  }
}
