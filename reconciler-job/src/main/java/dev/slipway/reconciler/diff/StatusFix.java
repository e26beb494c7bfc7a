package dev.slipway.reconciler.diff;

import dev.slipway.common.model.Phase;

/**
 * The observed status a pass records for a tenant whose database phase disagrees with its pods.
 *
 * @param expected the phase read during the scan; the update applies only if it is still that
 * @param target the phase to record
 * @param readyReplicas ready pods seen
 * @param ready the Ready condition's status (True / False)
 * @param reason the Ready condition's reason, one CamelCase word
 * @param message for humans
 * @param reconcile whether a RECONCILE is worth queueing too (re-applying may bring pods back)
 */
public record StatusFix(
    Phase expected,
    Phase target,
    int readyReplicas,
    String ready,
    String reason,
    String message,
    boolean reconcile) {}
