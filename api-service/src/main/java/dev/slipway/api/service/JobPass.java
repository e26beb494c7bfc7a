package dev.slipway.api.service;

import dev.slipway.api.repository.OpsJobRepository;
import dev.slipway.api.repository.OpsJobRow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One run of a job over the DLQ: receive in batches, hand each matching message to {@link
 * ReplayStep} at the job's rate, hold the rest (FIFO: releasing a head at once would hand it back
 * before anything behind it) and release them all at the end. Stops when a receive brings nothing
 * new, at the job's maximum count, or when the job is cancelled. Not thread safe: one per run.
 */
final class JobPass {
  private final OpsJobRow job;
  private final DeadLetterFilter filter;
  private final Map<String, String> recorded;
  private final DeadLetterQueue queue;
  private final ReplayStep step;
  private final OpsJobRepository jobs;
  private final Duration hold;
  private final int maxScan;
  private final Map<String, DeadLetter> held = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Pacer pacer;
  private int budget;

  /**
   * @param recorded what this job recorded in earlier runs (message id to outcome)
   */
  JobPass(
      OpsJobRow job,
      DeadLetterFilter filter,
      Map<String, String> recorded,
      DeadLetterQueue queue,
      ReplayStep step,
      OpsJobRepository jobs,
      Duration hold,
      int maxScan) {
    this.job = job;
    this.filter = filter;
    this.recorded = recorded;
    this.queue = queue;
    this.step = step;
    this.jobs = jobs;
    this.hold = hold;
    this.maxScan = maxScan;
    this.pacer = new Pacer(job.ratePerSecond());
    this.budget = job.maxCount() - job.handled();
  }

  /** Whether a message is work for this run; a message skipped in an earlier run is not. */
  boolean wanted(DeadLetter m, Instant now) {
    return filter.matches(m, now) && !"SKIPPED".equals(recorded.get(m.messageId()));
  }

  /** Runs to the end; false when the job was cancelled. */
  boolean run() throws InterruptedException {
    int batch = Pacer.batchSize(job.ratePerSecond(), hold.toSeconds());
    try {
      while (budget > 0 && seen.size() < maxScan) {
        var received = queue.receive(batch, hold);
        boolean fresh = false;
        for (DeadLetter m : received) {
          fresh |= seen.add(m.messageId());
          if (!handle(m)) {
            return false;
          }
        }
        if (!fresh) {
          return true; // everything reachable has been seen
        }
        if (isCancelled(jobs.progress(job.id(), 0).await().indefinitely())) {
          return false;
        }
      }
      return true;
    } finally {
      queue.release(held.values().stream().toList());
    }
  }

  /** Handles or holds one message; false when the job turned out to be cancelled. */
  private boolean handle(DeadLetter m) throws InterruptedException {
    if (held.containsKey(m.messageId()) || budget <= 0 || !wanted(m, Instant.now())) {
      held.put(m.messageId(), m); // the latest receipt handle is the one that works
      return true;
    }
    pacer.await();
    if (isCancelled(jobs.progress(job.id(), 0).await().indefinitely())) {
      held.put(m.messageId(), m); // cancelled while waiting for its slot: not started
      return false;
    }
    ReplayStep.Result result = step.apply(job, m);
    budget--;
    if (result != ReplayStep.Result.DONE) {
      held.put(m.messageId(), m);
    }
    int failed = result == ReplayStep.Result.FAILED ? 1 : 0;
    return !isCancelled(jobs.progress(job.id(), failed).await().indefinitely());
  }

  private static boolean isCancelled(String status) {
    return !"RUNNING".equals(status);
  }
}
