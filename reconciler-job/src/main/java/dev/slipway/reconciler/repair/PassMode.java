package dev.slipway.reconciler.repair;

import dev.slipway.reconciler.config.ReconcilerConfig;

/**
 * What a pass may change, and how much.
 *
 * @param reportOnly change nothing (the global switch)
 * @param prune delete orphans
 * @param maxRepairs RECONCILE operations plus orphan deletes allowed in one pass
 */
public record PassMode(boolean reportOnly, boolean prune, int maxRepairs) {

  public static PassMode of(ReconcilerConfig config) {
    return new PassMode(config.reportOnly(), config.prune(), config.maxRepairsPerPass());
  }

  public PassMode withReportOnly(boolean value) {
    return new PassMode(value, prune, maxRepairs);
  }

  public PassMode withPrune(boolean value) {
    return new PassMode(reportOnly, value, maxRepairs);
  }

  public PassMode withMaxRepairs(int value) {
    return new PassMode(reportOnly, prune, value);
  }

  /** The name recorded with the run (reconcile_runs.mode). */
  public String label() {
    if (reportOnly) {
      return "REPORT_ONLY";
    }
    return prune ? "REPAIR_PRUNE" : "REPAIR";
  }
}
