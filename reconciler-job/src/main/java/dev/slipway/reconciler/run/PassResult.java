package dev.slipway.reconciler.run;

import dev.slipway.reconciler.diff.DriftReport;
import dev.slipway.reconciler.repair.RepairSummary;
import java.util.UUID;

/**
 * The end of one pass.
 *
 * @param runId the reconcile_runs row, or null when the pass was skipped
 * @param report what was found, or null when skipped
 * @param repairs what was done
 * @param apiCalls Kubernetes requests made (LIST pages and prunes)
 */
public record PassResult(UUID runId, DriftReport report, RepairSummary repairs, int apiCalls) {

  /** Another pass held the lock: nothing was read or changed. */
  public static PassResult skipped() {
    return new PassResult(null, null, RepairSummary.NONE, 0);
  }

  public boolean wasSkipped() {
    return runId == null;
  }
}
