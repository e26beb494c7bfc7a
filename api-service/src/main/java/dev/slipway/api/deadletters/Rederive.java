package dev.slipway.api.deadletters;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.deadletters.DeadLetterOutcomeRepository.JobCounts;
import dev.slipway.api.deadletters.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.deadletters.OpsLookupRepository.TenantState;
import dev.slipway.api.jobs.OpsJobRow;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Replaces dead letters by fresh RECONCILE operations for their tenants' current desired state, in
 * one transaction with the outbox rows and the ledger entries naming the source messages. The
 * tenant rows are locked first (in id order), so two jobs replaying one message serialise and the
 * second finds the first's ledger entry.
 */
@ApplicationScoped
public class Rederive {
  private final Pool pool;
  private final OpsLookupRepository lookups;
  private final DeadLetterOutcomeRepository ledger;
  private final OperationEnqueuer enqueuer;

  Rederive(
      Pool pool,
      OpsLookupRepository lookups,
      DeadLetterOutcomeRepository ledger,
      OperationEnqueuer enqueuer) {
    this.pool = pool;
    this.lookups = lookups;
    this.ledger = ledger;
    this.enqueuer = enqueuer;
  }

  /**
   * @param outcome replayed or already_replayed when the DLQ copy may go
   * @param skipReason deleted, superseded or not_found when it stays; null otherwise
   */
  record Decision(String outcome, String skipReason) {}

  /** A chunk's decisions, in order, and the job's status its ledger statement returned. */
  record Decided(List<Decision> decisions, String status) {}

  /**
   * A decision, its ledger detail (why a message was skipped or not replaced again) and, for a
   * replacement, the locked tenant whose current desired state it carries.
   */
  private record Noted(Decision decision, String detail, TenantState tenant) {}

  /**
   * One transaction for a chunk of readable dead letters (up to 10, in receive order), committed
   * before it returns: tenants locked, the ledger check, one statement for all the operations and
   * their outbox rows, one for the ledger entries and the job's progress ({@code counts}). When it
   * throws nothing was committed.
   */
  Decided apply(OpsJobRow job, List<DeadLetter> chunk, JobCounts counts) {
    Set<UUID> tenants = chunk.stream().map(m -> m.command().tenantId()).collect(Collectors.toSet());
    List<String> ids = chunk.stream().map(DeadLetter::messageId).toList();
    // Pipelined on the connection, in this order: the check runs once the locks are held, so it
    // sees what a job holding them before committed. The same for the two writes below.
    Decided decided =
        pool.withTransaction(
                tx ->
                    Uni.combine()
                        .all()
                        .unis(lookups.lockTenants(tx, tenants), ledger.replayedAmong(tx, ids))
                        .asTuple()
                        .flatMap(
                            t ->
                                write(
                                    tx,
                                    job,
                                    chunk,
                                    decide(chunk, t.getItem1(), t.getItem2()),
                                    counts)))
            .await()
            .indefinitely();
    if (decided.decisions().stream().anyMatch(d -> "replayed".equals(d.outcome()))) {
      enqueuer.committed();
    }
    return decided;
  }

  private static List<Noted> decide(
      List<DeadLetter> chunk, Map<UUID, TenantState> states, Set<String> replayed) {
    List<Noted> noted = new ArrayList<>();
    for (DeadLetter m : chunk) {
      Optional<TenantState> found = Optional.ofNullable(states.get(m.command().tenantId()));
      String[] skip = skipReason(found, m.command().generation());
      if (replayed.contains(m.messageId())) {
        noted.add(
            new Noted(new Decision("already_replayed", null), "replaced by an earlier job", null));
      } else if (skip != null) {
        noted.add(new Noted(new Decision(null, skip[0]), skip[0] + ": " + skip[1], null));
      } else {
        noted.add(new Noted(new Decision("replayed", null), null, found.get()));
      }
    }
    return noted;
  }

  /** The operations of the replaced messages in one statement, the ledger entries in another. */
  private Uni<Decided> write(
      SqlClient tx, OpsJobRow job, List<DeadLetter> chunk, List<Noted> noted, JobCounts counts) {
    List<OperationEnqueuer.Target> targets = new ArrayList<>();
    List<Outcome> entries = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Noted n = noted.get(i);
      TenantState t = n.tenant();
      UUID op = t == null ? null : UUID.randomUUID();
      if (t != null) {
        targets.add(
            new OperationEnqueuer.Target(
                op,
                t.id(),
                t.slug(),
                t.generation(),
                OperationType.RECONCILE,
                Requester.subject(job.requestedBy())));
      }
      String outcome =
          n.decision().outcome() == null
              ? "SKIPPED"
              : n.decision().outcome().toUpperCase(Locale.ROOT);
      entries.add(entry(job, chunk.get(i), outcome, op, n.detail()));
    }
    return Uni.combine()
        .all()
        .unis(enqueuer.enqueueAll(tx, targets), ledger.recordWithProgress(tx, entries, counts))
        .asTuple()
        .map(r -> new Decided(noted.stream().map(Noted::decision).toList(), r.getItem2()));
  }

  /**
   * Why a failed command of this generation must not be re-derived ({reason, detail}), or null. The
   * tenant is gone, or a newer generation's own operation covers it. A failed DELETE of the current
   * generation is re-derived: a RECONCILE of the DELETED desired state finishes it.
   */
  static String[] skipReason(Optional<TenantState> found, long failedGeneration) {
    if (found.isEmpty()) {
      return new String[] {"not_found", "tenant row not found"};
    }
    TenantState t = found.get();
    if ("DELETED".equals(t.phase())) {
      return new String[] {"deleted", "tenant is deleted"};
    }
    if (t.generation() > failedGeneration) {
      return new String[] {
        "superseded", "generation " + t.generation() + " is current; its own operation covers it"
      };
    }
    return null;
  }

  private static Outcome entry(
      OpsJobRow job, DeadLetter m, String outcome, UUID operation, String detail) {
    return new Outcome(
        job.id(), m.messageId(), outcome, m.command().tenantId(), operation, null, detail);
  }
}
