package dev.slipway.common.model;

/**
 * A HorizontalPodAutoscaler for the tenant's Deployment while it runs.
 *
 * @param minReplicas replicas the tenant never goes below while started
 * @param maxReplicas upper bound the autoscaler may scale to
 * @param cpuTargetPercent average CPU utilisation (of the request) the autoscaler aims for
 */
public record Autoscaling(int minReplicas, int maxReplicas, int cpuTargetPercent) {

  public Autoscaling {
    if (minReplicas < 1) {
      throw new IllegalArgumentException("autoscaling minReplicas must be >= 1");
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException("autoscaling maxReplicas must be >= minReplicas");
    }
    if (cpuTargetPercent < 1 || cpuTargetPercent > 100) {
      throw new IllegalArgumentException("autoscaling cpuTargetPercent must be in 1..100");
    }
  }
}
