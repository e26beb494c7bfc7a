package dev.slipway.api.deadletters;

import dev.slipway.api.jobs.OpsJobRepository;
import dev.slipway.api.jobs.OpsJobRow;
import java.util.List;
import java.util.Map;

/**
 * A {@link JobPass}'s side of the job's counters: the matches found (the total), failures not yet
 * reported, and the chunk whose DLQ delete is under way. A chunk's own ledger statement reports the
 * progress (and so the job's status) in most cases; {@link #progress} is the statement on its own.
 * Job thread only.
 */
final class PassTally implements ChunkTally {
  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
  private final OpsJobRow job;
  private final OpsJobRepository jobs;
  private final Map<String, DeadLetter> held;
  private PendingChunk deleting;
  private int found;
  private int unreported;
  private long lastProgress = System.nanoTime();

  /**
   * @param held where the messages that stay in the DLQ go (released at the pass's end)
   */
  PassTally(OpsJobRow job, OpsJobRepository jobs, Map<String, DeadLetter> held) {
    this.job = job;
    this.jobs = jobs;
    this.held = held;
  }

  void found() {
    found++;
  }

  /** Whether a chunk's delete may still be under way (its messages in flight). */
  boolean deleting() {
    return deleting != null;
  }

  /** Takes a chunk just recorded (its delete under way); returns the job's status. */
  String recorded(PendingChunk chunk) throws InterruptedException {
    settle();
    deleting = chunk;
    if (chunk.status() == null) {
      return progress(); // nothing reported this chunk's progress
    }
    lastProgress = System.nanoTime();
    return chunk.status();
  }

  /** Waits for the chunk's delete under way: what stayed in the DLQ is held, failures counted. */
  void settle() throws InterruptedException {
    if (deleting == null) {
      return;
    }
    List<ReplayStep.Result> results = deleting.await();
    int failed = 0;
    for (int i = 0; i < results.size(); i++) {
      DeadLetter m = deleting.messages().get(i);
      if (results.get(i) != ReplayStep.Result.DONE) {
        held.put(m.messageId(), m);
      }
      failed += results.get(i) == ReplayStep.Result.FAILED ? 1 : 0;
    }
    unreported += failed - deleting.reported();
    deleting = null;
  }

  /** Whether a second passed since the job's progress was last reported. */
  boolean due() {
    return System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS;
  }

  /** Reports the progress (counts, failures, total, heartbeat); returns the job's status. */
  String progress() throws InterruptedException {
    settle();
    String status = jobs.progress(job.id(), unreported, total()).await().indefinitely();
    unreported = 0;
    lastProgress = System.nanoTime();
    return status;
  }

  /** At the pass's end: reports failures not reported yet. */
  void flush() throws InterruptedException {
    settle();
    if (unreported != 0) {
      progress();
    }
  }

  @Override
  public int unreported() {
    try {
      settle();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a delete", e);
    }
    return unreported;
  }

  @Override
  public int total() {
    return job.handled() + found;
  }

  @Override
  public void reported(int failures) {
    unreported -= failures;
    lastProgress = System.nanoTime();
  }
}
