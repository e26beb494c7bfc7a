package dev.slipway.reconciler.diff;

import java.util.Locale;

/** The kinds of difference a pass tells apart; each has its own repair. */
public enum DriftClass {
  /** A desired object is absent. Repair: a RECONCILE operation. */
  MISSING,
  /** An object differs from what the tenant should have. Repair: a RECONCILE operation. */
  SPEC,
  /** A managed object belongs to no live tenant. Repair: delete it, only when pruning. */
  ORPHAN,
  /** The phase in the database disagrees with the pods. Repair: record the observed phase. */
  STATUS,
  /** An operation queued or running past the threshold. Repair: replace it with a RECONCILE. */
  STUCK;

  /** Metric tag and log word. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
