package dev.slipway.reconciler.repair;

/**
 * What the repairs of one pass did.
 *
 * @param enqueued RECONCILE operations written to the outbox (stuck re-enqueues included)
 * @param statusUpdates tenant rows whose observed status was corrected
 * @param pruned orphan objects deleted
 * @param deferred repairs left for a later pass (budget or repair back-off)
 * @param errors repairs that failed; the pass went on
 * @param apiCalls Kubernetes requests the prunes made
 * @param frozen drifted tenants given no RECONCILE because an admin froze them (their drift is only
 *     reported)
 */
public record RepairSummary(
    int enqueued,
    int statusUpdates,
    int pruned,
    int deferred,
    int errors,
    int apiCalls,
    int frozen) {

  public static final RepairSummary NONE = new RepairSummary(0, 0, 0, 0, 0, 0, 0);
}
