package dev.slipway.api.service;

import dev.slipway.api.repository.DeadLetterOutcomeRepository;
import dev.slipway.api.repository.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.repository.OpsJobRow;
import dev.slipway.api.repository.OpsLookupRepository;
import dev.slipway.api.repository.OpsLookupRepository.TenantState;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

  private record Noted(Decision decision, Outcome entry) {}

  /**
   * One transaction for a chunk of readable dead letters (up to 10, in receive order), committed
   * before it returns: one decision per message, in order. When it throws nothing was committed.
   */
  List<Decision> apply(OpsJobRow job, List<DeadLetter> chunk) {
    Set<UUID> tenants = chunk.stream().map(m -> m.command().tenantId()).collect(Collectors.toSet());
    List<String> ids = chunk.stream().map(DeadLetter::messageId).toList();
    List<Noted> noted =
        pool.withTransaction(
                tx ->
                    lookups
                        .lockTenants(tx, tenants)
                        .flatMap(
                            states ->
                                ledger
                                    .replayedAmong(tx, ids)
                                    .flatMap(
                                        replayed -> decideAll(tx, job, chunk, states, replayed))))
            .await()
            .indefinitely();
    if (noted.stream().anyMatch(n -> "replayed".equals(n.decision().outcome()))) {
      enqueuer.committed();
    }
    return noted.stream().map(Noted::decision).toList();
  }

  /** In order, one statement at a time (one transaction), then the ledger entries at once. */
  private Uni<List<Noted>> decideAll(
      SqlClient tx,
      OpsJobRow job,
      List<DeadLetter> chunk,
      Map<UUID, TenantState> states,
      Set<String> replayed) {
    return Multi.createFrom()
        .iterable(chunk)
        .onItem()
        .transformToUniAndConcatenate(
            m ->
                decide(
                    tx,
                    job,
                    m,
                    Optional.ofNullable(states.get(m.command().tenantId())),
                    replayed.contains(m.messageId())))
        .collect()
        .asList()
        .call(list -> ledger.recordAll(tx, list.stream().map(Noted::entry).toList()));
  }

  private Uni<Noted> decide(
      SqlClient tx, OpsJobRow job, DeadLetter m, Optional<TenantState> found, boolean done) {
    if (done) {
      return Uni.createFrom()
          .item(
              new Noted(
                  new Decision("already_replayed", null),
                  entry(job, m, "ALREADY_REPLAYED", null, "replaced by an earlier job")));
    }
    String[] skip = skipReason(found, m.command().generation());
    if (skip != null) {
      return Uni.createFrom()
          .item(
              new Noted(
                  new Decision(null, skip[0]),
                  entry(job, m, "SKIPPED", null, skip[0] + ": " + skip[1])));
    }
    TenantState t = found.get();
    return enqueuer
        .enqueue(tx, t.id(), t.slug(), t.generation(), OperationType.RECONCILE)
        .map(
            op ->
                new Noted(
                    new Decision("replayed", null), entry(job, m, "REPLAYED", op.id(), null)));
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
