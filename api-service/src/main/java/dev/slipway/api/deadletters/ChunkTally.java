package dev.slipway.api.deadletters;

import dev.slipway.api.deadletters.DeadLetterOutcomeRepository.JobCounts;
import java.util.UUID;
import java.util.function.Function;

/**
 * A job's counters as a chunk's ledger statement updates them in the same round trip ({@link
 * dev.slipway.api.deadletters.DeadLetterOutcomeRepository#recordWithProgress}). Failures come from
 * the DLQ deletes, which finish after the statement of their own chunk: each statement adds the
 * ones not reported yet.
 */
interface ChunkTally {
  /** Failures not yet added to the job's counters; waits for an earlier chunk's delete first. */
  int unreported();

  /** The job's total so far: what earlier runs handled and the matches this one found. */
  int total();

  /** A chunk's statement committed; it added {@code failures} of the unreported ones. */
  void reported(int failures);

  /**
   * Runs a chunk's ledger statement with the job's progress, which adds the unreported failures and
   * {@code own} (the chunk's failures known before the statement). Returns the job's status.
   */
  default String record(UUID jobId, int own, Function<JobCounts, String> statement) {
    int carried = unreported();
    String status = statement.apply(new JobCounts(jobId, carried + own, total()));
    reported(carried);
    return status;
  }
}
