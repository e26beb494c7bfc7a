package dev.slipway.common.phase;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What the cluster shows of a tenant's gateway workload, reduced to what decides its phase.
 *
 * @param specReplicas replicas asked for (0 for a stopped tenant)
 * @param readyReplicas replicas (pods) ready
 * @param currentReplicas replicas (pods) that exist, ready or not
 * @param crashingPods pods restarting in a loop (only a pod listing shows these; 0 otherwise)
 * @param stalled pods exist or should, none is ready, and none is young enough to still be starting
 *     (only a pod listing shows this; false otherwise)
 */
public record ObservedWorkload(
    int specReplicas, int readyReplicas, int currentReplicas, int crashingPods, boolean stalled) {

  /** As a Deployment's spec and status show it (no pod-level detail). */
  public static ObservedWorkload of(Deployment d) {
    return new ObservedWorkload(specReplicas(d), readyReplicas(d), currentReplicas(d), 0, false);
  }

  public static int readyReplicas(Deployment d) {
    return d.getStatus() == null || d.getStatus().getReadyReplicas() == null
        ? 0
        : d.getStatus().getReadyReplicas();
  }

  /** Kubernetes defaults an absent replica count to 1. */
  private static int specReplicas(Deployment d) {
    return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  private static int currentReplicas(Deployment d) {
    return d.getStatus() == null || d.getStatus().getReplicas() == null
        ? 0
        : d.getStatus().getReplicas();
  }
}
