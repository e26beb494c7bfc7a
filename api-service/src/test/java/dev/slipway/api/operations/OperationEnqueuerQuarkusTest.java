package dev.slipway.api.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.auth.Requester;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A replay's chunk of operations goes in with one statement ({@link OperationEnqueuer#enqueueAll}):
 * returned in list order, each with its outbox command, the outbox rows (the relay's publish order)
 * in list order too.
 */
@QuarkusTest
class OperationEnqueuerQuarkusTest {
  @Inject OperationEnqueuer enqueuer;
  @Inject Pool pool;
  @Inject DataSource db;

  @Test
  void severalOperationsGoInWithTheirCommandsInListOrder() throws Exception {
    String slug = TestApi.uniqueSlug("many");
    UUID tenant =
        UUID.fromString(
            TestApi.createTenant(TestTokens.admin(), slug)
                .then()
                .statusCode(202)
                .extract()
                .path("tenant.id"));
    List<Long> generations = List.of(14L, 11L, 15L, 12L, 13L);
    List<OperationEnqueuer.Target> targets =
        generations.stream()
            .map(
                g ->
                    new OperationEnqueuer.Target(
                        UUID.randomUUID(),
                        tenant,
                        slug,
                        g,
                        OperationType.RECONCILE,
                        Requester.subject("replayer")))
            .toList();

    List<OperationRow> ops =
        pool.withTransaction(tx -> enqueuer.enqueueAll(tx, targets)).await().indefinitely();

    assertEquals(generations, ops.stream().map(OperationRow::generation).toList());
    ops.forEach(op -> assertEquals("replayer", op.requestedBySubject()));
    List<UUID> ids = ops.stream().map(OperationRow::id).toList();
    List<CommandEnvelope> commands = outbox(ids, tenant);
    assertEquals(ids, commands.stream().map(CommandEnvelope::commandId).toList());
    assertEquals(generations, commands.stream().map(CommandEnvelope::generation).toList());
  }

  /** The outbox commands of these operations in the tenant's group, in outbox (publish) order. */
  private List<CommandEnvelope> outbox(List<UUID> operations, UUID tenant) throws Exception {
    List<CommandEnvelope> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT body FROM outbox WHERE operation_id = ANY(?) AND group_id = ?"
                    + " ORDER BY id")) {
      s.setArray(1, c.createArrayOf("uuid", operations.toArray()));
      s.setString(2, tenant.toString());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(CommandCodec.decode(rs.getString(1)));
        }
      }
    }
    return out;
  }
}
