package dev.slipway.api.deadletters;

import dev.slipway.api.jobs.OpsJobRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
  private static final String INSERT =
      "INSERT INTO dead_letter_outcomes (job_id, message_id, outcome, tenant_id,"
          + " operation_id, sent_message_id, detail) SELECT $1, u.m, u.o, u.t, u.op, u.s, u.d"
          + " FROM unnest($2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[])"
          + " WITH ORDINALITY AS u(m, o, t, op, s, d, i) ORDER BY u.i"
          + " ON CONFLICT (job_id, message_id) DO NOTHING";

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

  /** What a job's counters gain with a chunk's ledger entries: failures, the total found so far. */
  public record JobCounts(UUID jobId, int newFailures, int total) {}

  /**
   * Records outcomes (all of one job) in one statement, in list order; an outcome the job already
   * recorded for a message is kept as it was. A REPLAYED entry for a message another job already
   * replaced fails the whole statement (the unique index), and the caller retries one by one.
   */
  public Uni<Void> recordAll(SqlClient client, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client
        .preparedQuery(INSERT)
        .execute(Tuple.from(params(outcomes.get(0).jobId(), outcomes)))
        .replaceWithVoid();
  }

  /**
   * As {@link #recordAll}, and in the same statement the job's progress (one round trip less per
   * chunk): done and skipped recounted from the ledger (the rows inserted here included), failures
   * added, the total raised to what was found, the heartbeat refreshed. Returns the job's status
   * (CANCELLED stops). Outcomes may be empty: then it is the progress update alone.
   */
  public Uni<String> recordWithProgress(
      SqlClient client, List<Outcome> outcomes, JobCounts counts) {
    List<Object> params = new ArrayList<>(List.of(params(counts.jobId(), outcomes)));
    params.add(counts.newFailures());
    params.add(counts.total());
    // The UPDATE's recount sees the ledger as before this statement: its inserts count apart.
    return client
        .preparedQuery(
            "WITH ins AS ("
                + INSERT
                + " RETURNING outcome) UPDATE ops_jobs j SET "
                + OpsJobRepository.counts("ins")
                + OpsJobRepository.progressSet(8, 9)
                + " WHERE id = $1 RETURNING status")
        .execute(Tuple.from(params))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  /** $1 the job, $2 to $7 one array per column, in list order. */
  private static Object[] params(UUID jobId, List<Outcome> outcomes) {
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
    return new Object[] {jobId, messages, kinds, tenants, operations, sent, details};
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
