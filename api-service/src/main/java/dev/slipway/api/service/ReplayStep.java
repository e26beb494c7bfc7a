package dev.slipway.api.service;

import dev.slipway.api.repository.DeadLetterOutcomeRepository;
import dev.slipway.api.repository.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.repository.OpsJobRow;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a job does with one matching dead letter. The order is what makes a job crash safe: the
 * replacement is committed (REDERIVE: operation, outbox row and ledger entry in one transaction;
 * RESEND: SQS accepted the message, then the ledger entry) before the DLQ copy is deleted, and a
 * message some job already replaced is only deleted. Blocking: runs on job threads.
 */
@ApplicationScoped
public class ReplayStep {
  private static final Logger LOG = Logger.getLogger(ReplayStep.class);

  /** DONE: handled and deleted from the DLQ; SKIPPED and FAILED: left in the DLQ. */
  public enum Result {
    DONE,
    SKIPPED,
    FAILED
  }

  private final Pool pool;
  private final DeadLetterQueue queue;
  private final DeadLetterOutcomeRepository ledger;
  private final Rederive rederive;
  private final OpsMetrics metrics;

  ReplayStep(
      Pool pool,
      DeadLetterQueue queue,
      DeadLetterOutcomeRepository ledger,
      Rederive rederive,
      OpsMetrics metrics) {
    this.pool = pool;
    this.queue = queue;
    this.ledger = ledger;
    this.rederive = rederive;
    this.metrics = metrics;
  }

  public Result apply(OpsJobRow job, DeadLetter m) {
    try {
      return switch (job.action()) {
        case "PURGE" -> purge(job, m);
        default -> replay(job, m);
      };
    } catch (RuntimeException e) {
      // Left in the DLQ; a later run retries it. Never the body in logs.
      LOG.warnf("job %s: %s failed: %s", job.id(), m, e.toString());
      if ("PURGE".equals(job.action())) {
        metrics.purged("failed");
      } else {
        metrics.replayed(job.mode(), "failed");
      }
      return Result.FAILED;
    }
  }

  private Result purge(OpsJobRow job, DeadLetter m) {
    record(job, m, "PURGED", null, null, null);
    queue.delete(m);
    metrics.purged("purged");
    return Result.DONE;
  }

  private Result replay(OpsJobRow job, DeadLetter m) {
    if (m.command() == null) {
      return skip(job, m, "unreadable", m.unreadable());
    }
    if ("RESEND".equals(job.mode())) {
      return resend(job, m);
    }
    Rederive.Decision d = rederive.apply(job, m);
    if (d.skipReason() != null) {
      metrics.skipped(job.mode(), d.skipReason());
      return Result.SKIPPED;
    }
    queue.delete(m);
    metrics.replayed(job.mode(), d.outcome());
    return Result.DONE;
  }

  private Result resend(OpsJobRow job, DeadLetter m) {
    if (ledger.replayed(pool, m.messageId()).await().indefinitely()) {
      record(job, m, "ALREADY_REPLAYED", null, null, "replaced by an earlier job");
      queue.delete(m);
      metrics.replayed(job.mode(), "already_replayed");
      return Result.DONE;
    }
    // Derived from the source message: a re-run after a crash between send and ledger entry sends
    // the same deduplication id, which SQS drops within 5 minutes (the worker absorbs it later).
    String sent = queue.resend(m, "replay-" + m.messageId());
    record(job, m, "REPLAYED", null, sent, null);
    queue.delete(m);
    metrics.replayed(job.mode(), "replayed");
    return Result.DONE;
  }

  private Result skip(OpsJobRow job, DeadLetter m, String reason, String detail) {
    record(job, m, "SKIPPED", null, null, reason + (detail == null ? "" : ": " + detail));
    metrics.skipped(job.mode(), reason);
    return Result.SKIPPED;
  }

  private void record(
      OpsJobRow job, DeadLetter m, String outcome, UUID operation, String sent, String detail) {
    ledger
        .record(
            pool, new Outcome(job.id(), m.messageId(), outcome, tenant(m), operation, sent, detail))
        .await()
        .indefinitely();
  }

  static UUID tenant(DeadLetter m) {
    try {
      return UUID.fromString(m.groupId());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
