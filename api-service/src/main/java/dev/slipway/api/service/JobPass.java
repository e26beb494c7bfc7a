package dev.slipway.api.service;

import dev.slipway.api.repository.OpsJobRepository;
import dev.slipway.api.repository.OpsJobRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a job over the DLQ: receive in batches, hand the matching messages to {@link
 * ReplayStep} in chunks at the job's rate ({@link Pacer#chunkSize}: one message at a time below
 * 20/s), hold the rest (FIFO: releasing a head at once would hand it back before anything behind
 * it) and release them all at the end. Progress (counts, heartbeat, cancellation) is updated after
 * every chunk. Stops when a receive brings nothing new, at the job's maximum count, or when the job
 * is cancelled. Not thread safe: one per run.
 */
final class JobPass {
  private final OpsJobRow job;
  private final DeadLetterFilter filter;
  private final Map<String, String> recorded;
  private final List<DeadLetter> scanned;
  private final DeadLetterQueue queue;
  private final ReplayStep step;
  private final OpsJobRepository jobs;
  private final Duration hold;
  private final int maxScan;
  private final Map<String, DeadLetter> held = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Pacer pacer;
  private final int chunk;
  private int budget;

  /**
   * @param recorded what this job recorded in earlier runs (message id to outcome)
   * @param scanned messages a scan received and still holds, in receive order: handled first,
   *     without receiving them again; the pass releases what it does not delete
   */
  JobPass(
      OpsJobRow job,
      DeadLetterFilter filter,
      Map<String, String> recorded,
      List<DeadLetter> scanned,
      DeadLetterQueue queue,
      ReplayStep step,
      OpsJobRepository jobs,
      Duration hold,
      int maxScan) {
    this.job = job;
    this.filter = filter;
    this.recorded = recorded;
    this.scanned = scanned;
    this.queue = queue;
    this.step = step;
    this.jobs = jobs;
    this.hold = hold;
    this.maxScan = maxScan;
    this.pacer = new Pacer(job.ratePerSecond());
    this.chunk = Pacer.chunkSize(job.ratePerSecond());
    this.budget = job.maxCount() - job.handled();
  }

  /** Whether a message is work for this run; a message skipped in an earlier run is not. */
  static boolean wanted(
      DeadLetterFilter filter, Map<String, String> recorded, DeadLetter m, Instant now) {
    return filter.matches(m, now) && !"SKIPPED".equals(recorded.get(m.messageId()));
  }

  /** Runs to the end; false when the job was cancelled. */
  boolean run() throws InterruptedException {
    int batch = Pacer.batchSize(job.ratePerSecond(), hold.toSeconds());
    try {
      scanned.forEach(m -> seen.add(m.messageId()));
      List<DeadLetter> first = pick(scanned);
      if (!first.isEmpty() && !handle(first)) {
        return false;
      }
      while (budget > 0 && seen.size() < maxScan) {
        var received = queue.receive(batch, hold);
        boolean fresh = false;
        for (DeadLetter m : received) {
          fresh |= seen.add(m.messageId());
        }
        List<DeadLetter> work = pick(received);
        if (!work.isEmpty() && !handle(work)) {
          return false;
        }
        if (!fresh) {
          return true; // everything reachable has been seen
        }
        // A receive with work ended on a progress update already.
        if (work.isEmpty() && isCancelled(jobs.progress(job.id(), 0).await().indefinitely())) {
          return false;
        }
      }
      return true;
    } finally {
      queue.release(held.values().stream().toList());
    }
  }

  /** The messages of a receive to handle now, in order; the others are held. */
  private List<DeadLetter> pick(List<DeadLetter> received) {
    List<DeadLetter> work = new ArrayList<>();
    Instant now = Instant.now();
    for (DeadLetter m : received) {
      if (held.containsKey(m.messageId())
          || work.size() >= budget
          || !wanted(filter, recorded, m, now)) {
        held.put(m.messageId(), m); // the latest receipt handle is the one that works
      } else {
        work.add(m);
      }
    }
    return work;
  }

  /** Handles the work in chunks at the job's rate; false when the job turned out cancelled. */
  private boolean handle(List<DeadLetter> work) throws InterruptedException {
    for (int from = 0; from < work.size(); from += chunk) {
      List<DeadLetter> part = work.subList(from, Math.min(work.size(), from + chunk));
      // After a wait for its slot, a chunk first checks that the job was not cancelled meanwhile.
      if (pacer.await(part.size())
          && isCancelled(jobs.progress(job.id(), 0).await().indefinitely())) {
        work.subList(from, work.size()).forEach(m -> held.put(m.messageId(), m)); // not started
        return false;
      }
      List<ReplayStep.Result> results = step.apply(job, part);
      budget -= part.size();
      int failed = 0;
      for (int i = 0; i < part.size(); i++) {
        if (results.get(i) != ReplayStep.Result.DONE) {
          held.put(part.get(i).messageId(), part.get(i));
        }
        failed += results.get(i) == ReplayStep.Result.FAILED ? 1 : 0;
      }
      if (isCancelled(jobs.progress(job.id(), failed).await().indefinitely())) {
        work.subList(from + part.size(), work.size()).forEach(m -> held.put(m.messageId(), m));
        return false;
      }
    }
    return true;
  }

  private static boolean isCancelled(String status) {
    return !"RUNNING".equals(status);
  }
}
