package dev.slipway.api.deadletters;

import dev.slipway.api.jobs.OpsJobRepository;
import dev.slipway.api.jobs.OpsJobRow;
import dev.slipway.api.jobs.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * One run of a job over the DLQ: receive in batches, hand the matching messages to {@link
 * ReplayStep} in chunks at the job's rate ({@link Pacer#chunkSize}: one message at a time below
 * 20/s), hold the rest (FIFO: releasing a head at once would hand it back before anything behind
 * it) and release them all at the end. There is no count scan first: the job's total grows by the
 * matches the pass finds, reported with the progress (counts, heartbeat, cancellation) with every
 * chunk's ledger statement ({@link PassTally}), and at least once a second while receives bring no
 * work.
 *
 * <p>The next receive runs on another thread while this one handles a batch, and a chunk's DLQ
 * delete while the next chunk is sent. Chunks are still recorded one after the other in receive
 * order, so each message group is resent in its order. A receive that overlapped handling or a
 * delete may have missed a group whose earlier messages were still in flight, so the end is decided
 * only by receives issued with nothing in flight (the delete under way awaited): a short poll that
 * brings nothing new ends the pass when the DLQ reports no visible message, otherwise one long poll
 * ({@code receive-wait}) decides (SQS short polls sample some servers only). Stops too at the job's
 * maximum count, when it holds {@code max-scan} messages it does not handle, or when the job is
 * cancelled. Not thread safe: one per run.
 */
final class JobPass {
  private final OpsJobRow job;
  private final DeadLetterFilter filter;
  private final Map<String, String> recorded;
  private final DeadLetterQueue queue;
  private final ReplayStep step;
  private final Duration hold;
  private final int maxScan;
  private final ExecutorService receiver;
  private final Map<String, DeadLetter> held = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Pacer pacer;
  private final PassTally tally;
  private final int chunk;
  private int budget;
  private PassReceives.Poll next; // the receive under way

  /**
   * @param recorded what this job recorded in earlier runs (message id to outcome)
   * @param receiver runs the receive that overlaps handling, and the deletes
   */
  JobPass(
      OpsJobRow job,
      DeadLetterFilter filter,
      Map<String, String> recorded,
      DeadLetterQueue queue,
      ReplayStep step,
      OpsJobRepository jobs,
      Duration hold,
      int maxScan,
      ExecutorService receiver) {
    this.job = job;
    this.filter = filter;
    this.recorded = recorded;
    this.queue = queue;
    this.step = step;
    this.hold = hold;
    this.maxScan = maxScan;
    this.receiver = receiver;
    this.pacer = new Pacer(job.ratePerSecond());
    this.tally = new PassTally(job, jobs, held);
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
    // Half the usual batch time: a batch received during the handling of another waits for it.
    var receives =
        new PassReceives(
            queue,
            hold,
            Pacer.batchSize(job.ratePerSecond(), hold.toSeconds() / 2),
            receiver,
            messages -> step.checkAhead(job, messages));
    boolean completed;
    try {
      completed = pass(receives);
    } finally {
      if (next != null) {
        next.leftover().forEach(m -> held.put(m.messageId(), m));
      }
      tally.settle(); // what a failed delete left is released too
      receives.release(held.values().stream().toList());
    }
    tally.flush();
    return completed;
  }

  private boolean pass(PassReceives receives) throws InterruptedException {
    next = receives.start(false, false);
    // The cap bounds what the pass holds (invisible, in memory), not what it handled: handled
    // messages leave the DLQ. Counting every message seen ended a job asked for more than max-scan
    // messages as SUCCEEDED after about max-scan of them.
    while (budget > 0 && held.size() < maxScan) {
      PassReceives.Poll poll = next;
      next = null;
      PassReceives.Received got = poll.await();
      List<DeadLetter> received = got.messages();
      boolean fresh = false;
      for (DeadLetter m : received) {
        fresh |= seen.add(m.messageId());
      }
      List<DeadLetter> work = pick(received);
      if (fresh) {
        next = receives.start(!work.isEmpty() || tally.deleting(), false);
      } else if (poll.overlapped()) {
        tally.settle();
        next = receives.start(false, false); // look again with nothing in flight
      } else if (poll.longPoll() || receives.drained()) {
        return work.isEmpty() || handle(work, got.replayed()); // everything reachable was seen
      } else {
        next = receives.start(false, true);
      }
      if (!work.isEmpty() && !handle(work, got.replayed())) {
        return false;
      }
      // A receive with work ended on a progress update already.
      if (work.isEmpty() && tally.due() && isCancelled(tally.progress())) {
        return false;
      }
    }
    return true;
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
        tally.found();
      }
    }
    return work;
  }

  /** Handles the work in chunks at the job's rate; false when the job turned out cancelled. */
  private boolean handle(List<DeadLetter> work, Set<String> replayed) throws InterruptedException {
    for (int from = 0; from < work.size(); from += chunk) {
      List<DeadLetter> part = work.subList(from, Math.min(work.size(), from + chunk));
      // After a wait for its slot, a chunk first checks that the job was not cancelled meanwhile.
      if (pacer.await(part.size()) && isCancelled(tally.progress())) {
        work.subList(from, work.size()).forEach(m -> held.put(m.messageId(), m)); // not started
        return false;
      }
      budget -= part.size();
      // What stays in the DLQ is held once its delete is settled (PassTally).
      if (isCancelled(tally.recorded(step.apply(job, part, replayed, tally, receiver)))) {
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
