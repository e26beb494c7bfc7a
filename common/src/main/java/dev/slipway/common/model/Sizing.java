package dev.slipway.common.model;

import java.util.Objects;

/**
 * How big a tenant runs: the plan it was sized from, copied onto the tenant when the plan was
 * chosen. A copy rather than a reference, so editing the plan catalogue never resizes running
 * tenants behind their owners' backs; an update of the tenant picks up the new values.
 *
 * @param plan name of the plan in the catalogue at the time
 * @param replicas replicas while started, when there is no autoscaler
 * @param resources container requests and limits
 * @param autoscaling the autoscaler while started, or {@code null} for a fixed replica count
 */
public record Sizing(String plan, int replicas, Resources resources, Autoscaling autoscaling) {

  public Sizing {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(resources, "resources");
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be >= 1");
    }
  }

  /** The seed manifest's single replica with its requests and limits (seed 000). */
  public static Sizing seedDefault() {
    return new Sizing("small", 1, Resources.seedDefault(), null);
  }

  public boolean autoscaled() {
    return autoscaling != null;
  }

  /** Replicas a started tenant has at least: the autoscaler's minimum, else the fixed count. */
  public int startedReplicas() {
    return autoscaled() ? autoscaling.minReplicas() : replicas;
  }
}
