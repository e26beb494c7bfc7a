package dev.slipway.api.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Which of these messages some job already replaced (its replacement committed). */
  public Uni<Set<String>> replayedAmong(SqlClient client, Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return client
        .preparedQuery(
            "SELECT message_id FROM dead_letter_outcomes WHERE outcome = 'REPLAYED'"
                + " AND message_id = ANY($1)")
        .execute(Tuple.of(messageIds.toArray(new String[0])))
        .map(
            rows -> {
              Set<String> out = new HashSet<>();
              rows.forEach(r -> out.add(r.getString("message_id")));
              return out;
            });
  }

  /**
   * Records outcomes (all of one job) in one statement, in list order; an outcome the job already
   * recorded for a message is kept as it was. A REPLAYED entry for a message another job already
   * replaced fails the whole statement (the unique index), and the caller retries one by one.
   */
  public Uni<Void> recordAll(SqlClient client, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = outcomes.size();
    String[] messages = new String[n];
    String[] kinds = new String[n];
    UUID[] tenants = new UUID[n];
    UUID[] operations = new UUID[n];
    String[] sent = new String[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      Outcome o = outcomes.get(i);
      messages[i] = o.messageId();
      kinds[i] = o.outcome();
      tenants[i] = o.tenantId();
      operations[i] = o.operationId();
      sent[i] = o.sentMessageId();
      details[i] = o.detail();
    }
    return client
        .preparedQuery(
            "INSERT INTO dead_letter_outcomes (job_id, message_id, outcome, tenant_id,"
                + " operation_id, sent_message_id, detail) SELECT $1, u.m, u.o, u.t, u.op, u.s, u.d"
                + " FROM unnest($2::text[],"
                + " $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[]) WITH ORDINALITY"
                + " AS u(m, o, t, op, s, d, i) ORDER BY u.i"
                + " ON CONFLICT (job_id, message_id) DO NOTHING")
        .execute(
            Tuple.from(
                new Object[] {
                  outcomes.get(0).jobId(), messages, kinds, tenants, operations, sent, details
                }))
        .replaceWithVoid();
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
