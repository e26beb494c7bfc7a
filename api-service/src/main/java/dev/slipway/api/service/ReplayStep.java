package dev.slipway.api.service;

import dev.slipway.api.repository.DeadLetterOutcomeRepository;
import dev.slipway.api.repository.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.repository.OpsJobRow;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a job does with a chunk of matching dead letters (up to 10, in receive order). The order is
 * what makes a job crash safe: the replacements are committed (REDERIVE: operations, outbox rows
 * and ledger entries in one transaction; RESEND: SQS accepted the messages, then the ledger
 * entries) before the DLQ copies are deleted, and a message some job already replaced is only
 * deleted. Each step is one call for the chunk; when one fails before anything was deleted, the
 * chunk is retried one message at a time, so one bad message cannot fail the others. Blocking: runs
 * on job threads.
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

  /** A result and its metric outcome (replayed, already_replayed, purged; a skip reason). */
  private record Handled(Result result, String outcome) {}

  private final Pool pool;
  private final DeadLetterQueue queue;
  private final DeadLetterOutcomeRepository ledger;
  private final Rederive rederive;
  private final Resend resend;
  private final OpsMetrics metrics;

  ReplayStep(
      Pool pool,
      DeadLetterQueue queue,
      DeadLetterOutcomeRepository ledger,
      Rederive rederive,
      Resend resend,
      OpsMetrics metrics) {
    this.pool = pool;
    this.queue = queue;
    this.ledger = ledger;
    this.rederive = rederive;
    this.resend = resend;
    this.metrics = metrics;
  }

  /** One result per message of the chunk, in order. */
  public List<Result> apply(OpsJobRow job, List<DeadLetter> chunk) {
    List<Handled> handled;
    try {
      handled = "PURGE".equals(job.action()) ? purge(job, chunk) : replay(job, chunk);
    } catch (RuntimeException e) {
      if (chunk.size() > 1) {
        LOG.infof("job %s: a batch of %d failed (%s); one at a time", job.id(), chunk.size(), e);
        return chunk.stream().map(m -> apply(job, List.of(m)).get(0)).toList();
      }
      // Left in the DLQ; a later run retries it. Never the body in logs.
      LOG.warnf("job %s: %s failed: %s", job.id(), chunk.get(0), e.toString());
      handled = List.of(new Handled(Result.FAILED, "failed"));
    }
    handled.forEach(h -> count(job, h));
    return handled.stream().map(Handled::result).toList();
  }

  private List<Handled> purge(OpsJobRow job, List<DeadLetter> chunk) {
    ledger
        .recordAll(pool, chunk.stream().map(m -> entry(job, m, "PURGED", null)).toList())
        .await()
        .indefinitely();
    Set<String> deleted = queue.deleteAll(chunk);
    return chunk.stream().map(m -> deletedOrFailed(deleted, m, "purged")).toList();
  }

  private List<Handled> replay(OpsJobRow job, List<DeadLetter> chunk) {
    List<DeadLetter> readable = chunk.stream().filter(m -> m.command() != null).toList();
    ledger
        .recordAll(
            pool,
            chunk.stream()
                .filter(m -> m.command() == null)
                .map(m -> entry(job, m, "SKIPPED", "unreadable: " + m.unreadable()))
                .toList())
        .await()
        .indefinitely();
    Map<String, Handled> byId = new HashMap<>();
    if (!readable.isEmpty() && "RESEND".equals(job.mode())) {
      for (Resend.Sent s : resend.apply(job, readable)) {
        byId.put(
            s.message().messageId(),
            s.deleted()
                ? new Handled(Result.DONE, s.outcome())
                : new Handled(Result.FAILED, "failed"));
      }
    } else if (!readable.isEmpty()) {
      rederive(job, readable, byId);
    }
    return chunk.stream()
        .map(
            m ->
                m.command() == null
                    ? new Handled(Result.SKIPPED, "unreadable")
                    : byId.get(m.messageId()))
        .toList();
  }

  private void rederive(OpsJobRow job, List<DeadLetter> readable, Map<String, Handled> byId) {
    List<Rederive.Decision> decisions = rederive.apply(job, readable);
    List<DeadLetter> replaced = new ArrayList<>();
    for (int i = 0; i < readable.size(); i++) {
      Rederive.Decision d = decisions.get(i);
      if (d.skipReason() != null) {
        byId.put(readable.get(i).messageId(), new Handled(Result.SKIPPED, d.skipReason()));
      } else {
        replaced.add(readable.get(i));
      }
    }
    Set<String> deleted = queue.deleteAll(replaced);
    for (int i = 0; i < readable.size(); i++) {
      DeadLetter m = readable.get(i);
      if (decisions.get(i).skipReason() == null) {
        byId.put(m.messageId(), deletedOrFailed(deleted, m, decisions.get(i).outcome()));
      }
    }
  }

  private static Handled deletedOrFailed(Set<String> deleted, DeadLetter m, String outcome) {
    return deleted.contains(m.messageId())
        ? new Handled(Result.DONE, outcome)
        : new Handled(Result.FAILED, "failed");
  }

  private void count(OpsJobRow job, Handled h) {
    if ("PURGE".equals(job.action())) {
      metrics.purged(h.outcome());
    } else if (h.result() == Result.SKIPPED) {
      metrics.skipped(job.mode(), h.outcome());
    } else {
      metrics.replayed(job.mode(), h.outcome());
    }
  }

  private static Outcome entry(OpsJobRow job, DeadLetter m, String outcome, String detail) {
    return new Outcome(job.id(), m.messageId(), outcome, tenant(m), null, null, detail);
  }

  static UUID tenant(DeadLetter m) {
    try {
      return UUID.fromString(m.groupId());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
