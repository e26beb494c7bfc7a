package dev.slipway.api.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger of what jobs did with each dead letter (dead_letter_outcomes). A replacement is
 * recorded here, with its source message id, before the DLQ copy is deleted.
 */
@ApplicationScoped
public class DeadLetterOutcomeRepository {
  private final Pool pool;

  DeadLetterOutcomeRepository(Pool pool) {
    this.pool = pool;
  }

  /** One ledger entry; ids may be null. */
  public record Outcome(
      UUID jobId,
      String messageId,
      String outcome,
      UUID tenantId,
      UUID operationId,
      String sentMessageId,
      String detail) {}

  /** Whether some job already replaced this message (its replacement committed). */
  public Uni<Boolean> replayed(SqlClient client, String messageId) {
    return client
        .preparedQuery(
            "SELECT 1 FROM dead_letter_outcomes WHERE message_id = $1 AND outcome = 'REPLAYED'")
        .execute(Tuple.of(messageId))
        .map(rows -> rows.size() > 0);
  }

  /** Records an outcome; false when this job already recorded one for the message. */
  public Uni<Boolean> record(SqlClient client, Outcome o) {
    return client
        .preparedQuery(
            "INSERT INTO dead_letter_outcomes (job_id, message_id, outcome, tenant_id,"
                + " operation_id, sent_message_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (job_id, message_id) DO NOTHING")
        .execute(
            Tuple.from(
                new Object[] {
                  o.jobId(),
                  o.messageId(),
                  o.outcome(),
                  o.tenantId(),
                  o.operationId(),
                  o.sentMessageId(),
                  o.detail()
                }))
        .map(rows -> rows.rowCount() > 0);
  }

  /** What this job recorded so far, by message id: a resumed job does not handle them twice. */
  public Uni<Map<String, String>> forJob(UUID jobId) {
    return pool.preparedQuery(
            "SELECT message_id, outcome FROM dead_letter_outcomes WHERE job_id = $1")
        .execute(Tuple.of(jobId))
        .map(
            rows -> {
              Map<String, String> out = new HashMap<>();
              rows.forEach(r -> out.put(r.getString("message_id"), r.getString("outcome")));
              return out;
            });
  }
}
