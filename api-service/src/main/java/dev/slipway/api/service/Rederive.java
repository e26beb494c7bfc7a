package dev.slipway.api.service;

import dev.slipway.api.repository.DeadLetterOutcomeRepository;
import dev.slipway.api.repository.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.repository.OpsJobRow;
import dev.slipway.api.repository.OpsLookupRepository;
import dev.slipway.api.repository.OpsLookupRepository.TenantState;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Replaces a dead letter by a fresh RECONCILE operation for the tenant's current desired state, in
 * one transaction with its outbox row and the ledger entry naming the source message. The tenant
 * row is locked first, so two jobs replaying one message serialise and the second finds the first's
 * ledger entry.
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

  /** Blocking: commits before it returns. */
  Decision apply(OpsJobRow job, DeadLetter m) {
    CommandEnvelope command = m.command();
    Decision d =
        pool.withTransaction(
                tx ->
                    lookups
                        .lockTenant(tx, command.tenantId())
                        .flatMap(tenant -> decide(tx, job, m, tenant)))
            .await()
            .indefinitely();
    if ("replayed".equals(d.outcome())) {
      enqueuer.committed();
    }
    return d;
  }

  private Uni<Decision> decide(
      SqlClient tx, OpsJobRow job, DeadLetter m, Optional<TenantState> found) {
    long failedGeneration = m.command().generation();
    return ledger
        .replayed(tx, m.messageId())
        .flatMap(
            done -> {
              if (done) {
                return note(tx, job, m, "ALREADY_REPLAYED", null, "replaced by an earlier job")
                    .replaceWith(new Decision("already_replayed", null));
              }
              String[] skip = skipReason(found, failedGeneration);
              if (skip != null) {
                return skip(tx, job, m, skip[0], skip[1]);
              }
              TenantState t = found.get();
              return enqueuer
                  .enqueue(tx, t.id(), t.slug(), t.generation(), OperationType.RECONCILE)
                  .flatMap(op -> note(tx, job, m, "REPLAYED", op.id(), null))
                  .replaceWith(new Decision("replayed", null));
            });
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

  private Uni<Decision> skip(
      SqlClient tx, OpsJobRow job, DeadLetter m, String reason, String detail) {
    return note(tx, job, m, "SKIPPED", null, reason + ": " + detail)
        .replaceWith(new Decision(null, reason));
  }

  private Uni<Boolean> note(
      SqlClient tx,
      OpsJobRow job,
      DeadLetter m,
      String outcome,
      java.util.UUID operation,
      String detail) {
    return ledger.record(
        tx,
        new Outcome(
            job.id(), m.messageId(), outcome, m.command().tenantId(), operation, null, detail));
  }
}
