package dev.slipway.api.deadletters;

import dev.slipway.api.jobs.OpsJobRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * What a job does with a chunk of matching dead letters (up to 10, in receive order). The order is
 * what makes a job crash safe: the replacements are committed (REDERIVE: operations, outbox rows
 * and ledger entries in one transaction; RESEND: SQS accepted the messages, then the ledger
 * entries) before the DLQ copies are deleted, and a message some job already replaced is only
 * deleted. Each step is one call for the chunk, the ledger statement updating the job's progress
 * too; the delete runs on another thread while the job goes on with its next chunk ({@link
 * PendingChunk}). When a step fails before anything was deleted, the chunk is retried one message
 * at a time, so one bad message cannot fail the others. Blocking: runs on job threads.
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

  /** A result and its metric outcome; before the delete, DONE means recorded, to be deleted. */
  record Handled(Result result, String outcome) {}

  /** A chunk recorded: what to delete, the job's status (or null), failures already counted. */
  record Recorded(List<Handled> handled, String status, int reported) {}

  private final ChunkRecorder recorder;
  private final DeadLetterQueue queue;
  private final OpsMetrics metrics;

  ReplayStep(ChunkRecorder recorder, DeadLetterQueue queue, OpsMetrics metrics) {
    this.recorder = recorder;
    this.queue = queue;
    this.metrics = metrics;
  }

  /**
   * Which of these messages some job already replaced, for a RESEND job (whose check needs no
   * locks), looked up ahead of the chunk; null otherwise, or when the lookup failed (the chunk then
   * looks up itself).
   */
  Set<String> checkAhead(OpsJobRow job, List<DeadLetter> messages) {
    if (!"RESEND".equals(job.mode()) || "PURGE".equals(job.action())) {
      return null;
    }
    try {
      return recorder.replayedAmong(messages);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Records a chunk and starts deleting its DLQ copies on {@code deletes}.
   *
   * @param replayed what {@link #checkAhead} found for the chunk's receive, or null
   */
  PendingChunk apply(
      OpsJobRow job,
      List<DeadLetter> chunk,
      Set<String> replayed,
      ChunkTally tally,
      Executor deletes) {
    Recorded recorded;
    try {
      recorded =
          "PURGE".equals(job.action())
              ? recorder.purge(job, chunk, tally)
              : recorder.replay(job, chunk, replayed, tally);
    } catch (RuntimeException e) {
      if (chunk.size() > 1) {
        LOG.infof("job %s: a batch of %d failed (%s); one at a time", job.id(), chunk.size(), e);
        return oneAtATime(job, chunk, tally);
      }
      // Left in the DLQ; a later run retries it. Never the body in logs.
      LOG.warnf("job %s: %s failed: %s", job.id(), chunk.get(0), e.toString());
      recorded = new Recorded(List.of(new Handled(Result.FAILED, "failed")), null, 0);
    }
    return delete(job, chunk, recorded, deletes);
  }

  /** Each message on its own, its delete finished before the next one starts. */
  private PendingChunk oneAtATime(OpsJobRow job, List<DeadLetter> chunk, ChunkTally tally) {
    List<Result> results = new ArrayList<>();
    String status = null;
    boolean everyReported = true; // else the job reports progress itself
    int reported = 0;
    for (DeadLetter m : chunk) {
      PendingChunk one = apply(job, List.of(m), null, tally, Runnable::run); // checks again
      results.addAll(one.now());
      everyReported &= one.status() != null;
      status = one.status();
      reported += one.reported();
    }
    return new PendingChunk(
        chunk, CompletableFuture.completedFuture(results), everyReported ? status : null, reported);
  }

  private PendingChunk delete(
      OpsJobRow job, List<DeadLetter> chunk, Recorded recorded, Executor deletes) {
    List<DeadLetter> replaced = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      if (recorded.handled().get(i).result() == Result.DONE) {
        replaced.add(chunk.get(i));
      }
    }
    CompletableFuture<Set<String>> deleted =
        replaced.isEmpty()
            ? CompletableFuture.completedFuture(Set.of())
            : CompletableFuture.supplyAsync(() -> queue.deleteAll(replaced), deletes);
    CompletableFuture<List<Result>> results =
        deleted
            .exceptionally(
                e -> {
                  LOG.warnf("job %s: deleting %d failed: %s", job.id(), replaced.size(), e);
                  return Set.of(); // left in the DLQ, replacement recorded: a re-run deletes them
                })
            .thenApply(gone -> results(job, chunk, recorded.handled(), gone));
    return new PendingChunk(chunk, results, recorded.status(), recorded.reported());
  }

  private List<Result> results(
      OpsJobRow job, List<DeadLetter> chunk, List<Handled> handled, Set<String> deleted) {
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Handled h = handled.get(i);
      if (h.result() == Result.DONE && !deleted.contains(chunk.get(i).messageId())) {
        h = new Handled(Result.FAILED, "failed");
      }
      count(job, h);
      out.add(h.result());
    }
    return out;
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

  static UUID tenant(DeadLetter m) {
    try {
      return UUID.fromString(m.groupId());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
