package dev.slipway.api.jobs;

/**
 * What one kind of job does in a run. {@link DurableJobRunner} owns the rest: the threads, the end
 * status and its audit record; {@link JobSweeper} resumes a job whose process died, so a run must
 * pick up where earlier runs left off (the dead-letter jobs keep a ledger for that). Implemented by
 * each feature whose work runs as a job, so this package depends on none of them.
 */
public interface JobKind {
  /** Whether this kind runs jobs with this action (e.g. REPLAY). */
  boolean runs(String action);

  /**
   * Runs the job to its end, marking it started ({@link OpsJobRepository#started}) first.
   *
   * @return false when the job was cancelled meanwhile
   * @throws InterruptedException on shutdown: the job stays RUNNING and is resumed elsewhere
   */
  boolean run(OpsJobRow job) throws InterruptedException;
}
