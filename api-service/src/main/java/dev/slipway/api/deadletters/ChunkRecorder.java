package dev.slipway.api.deadletters;

import dev.slipway.api.deadletters.DeadLetterOutcomeRepository.JobCounts;
import dev.slipway.api.deadletters.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.deadletters.ReplayStep.Handled;
import dev.slipway.api.deadletters.ReplayStep.Recorded;
import dev.slipway.api.deadletters.ReplayStep.Result;
import dev.slipway.api.jobs.OpsJobRow;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first half of {@link ReplayStep}: a chunk's replacements (purge: none) and ledger entries,
 * committed with the job's progress in the same statement. What it returns as DONE may be deleted
 * from the DLQ. Throws when nothing was recorded (the caller retries one message at a time).
 */
@ApplicationScoped
class ChunkRecorder {
  private final Pool pool;
  private final DeadLetterOutcomeRepository ledger;
  private final Rederive rederive;
  private final Resend resend;

  ChunkRecorder(Pool pool, DeadLetterOutcomeRepository ledger, Rederive rederive, Resend resend) {
    this.pool = pool;
    this.ledger = ledger;
    this.rederive = rederive;
    this.resend = resend;
  }

  Recorded purge(OpsJobRow job, List<DeadLetter> chunk, ChunkTally tally) {
    List<Outcome> entries = chunk.stream().map(m -> entry(job, m, "PURGED", null)).toList();
    String status = tally.record(job.id(), 0, counts -> recorded(entries, counts));
    return new Recorded(
        chunk.stream().map(m -> new Handled(Result.DONE, "purged")).toList(), status, 0);
  }

  /** Which of these messages some job already replaced (one query). */
  Set<String> replayedAmong(List<DeadLetter> messages) {
    return ledger
        .replayedAmong(pool, messages.stream().map(DeadLetter::messageId).toList())
        .await()
        .indefinitely();
  }

  /**
   * @param replayed which of the chunk's messages some job already replaced, looked up ahead; null
   *     when not
   */
  Recorded replay(OpsJobRow job, List<DeadLetter> chunk, Set<String> replayed, ChunkTally tally) {
    List<DeadLetter> readable = chunk.stream().filter(m -> m.command() != null).toList();
    List<Outcome> unreadable =
        chunk.stream()
            .filter(m -> m.command() == null)
            .map(m -> entry(job, m, "SKIPPED", "unreadable: " + m.unreadable()))
            .toList();
    if (readable.isEmpty()) {
      String status = tally.record(job.id(), 0, counts -> recorded(unreadable, counts));
      return new Recorded(
          chunk.stream().map(m -> new Handled(Result.SKIPPED, "unreadable")).toList(), status, 0);
    }
    ledger.recordAll(pool, unreadable).await().indefinitely();
    Map<String, Handled> byId = new HashMap<>();
    String status;
    if ("RESEND".equals(job.mode())) {
      Resend.Recorded sent = resend.apply(job, readable, replayed, tally);
      for (int i = 0; i < readable.size(); i++) {
        String outcome = sent.outcomes().get(i);
        byId.put(
            readable.get(i).messageId(),
            outcome == null
                ? new Handled(Result.FAILED, "failed")
                : new Handled(Result.DONE, outcome));
      }
      status = sent.status();
    } else {
      status = rederive(job, readable, tally, byId);
    }
    List<Handled> handled =
        chunk.stream()
            .map(
                m ->
                    m.command() == null
                        ? new Handled(Result.SKIPPED, "unreadable")
                        : byId.get(m.messageId()))
            .toList();
    int refused = (int) handled.stream().filter(h -> h.result() == Result.FAILED).count();
    return new Recorded(handled, status, refused);
  }

  private String rederive(
      OpsJobRow job, List<DeadLetter> readable, ChunkTally tally, Map<String, Handled> byId) {
    Rederive.Decided[] decided = new Rederive.Decided[1];
    // The counts are taken before the transaction starts (it runs on the event loop).
    tally.record(
        job.id(),
        0,
        counts -> {
          decided[0] = rederive.apply(job, readable, counts);
          return decided[0].status();
        });
    for (int i = 0; i < readable.size(); i++) {
      Rederive.Decision d = decided[0].decisions().get(i);
      byId.put(
          readable.get(i).messageId(),
          d.skipReason() != null
              ? new Handled(Result.SKIPPED, d.skipReason())
              : new Handled(Result.DONE, d.outcome()));
    }
    return decided[0].status();
  }

  private String recorded(List<Outcome> entries, JobCounts counts) {
    return ledger.recordWithProgress(pool, entries, counts).await().indefinitely();
  }

  private static Outcome entry(OpsJobRow job, DeadLetter m, String outcome, String detail) {
    return new Outcome(job.id(), m.messageId(), outcome, ReplayStep.tenant(m), null, null, detail);
  }
}
