package dev.slipway.api.config;

import io.smallrye.config.WithDefault;

/** A plan's autoscaler: {@code slipway.api.plans.<name>.autoscaling.*}. */
public interface PlanAutoscalingConfig {
  /** Replicas the autoscaler never goes below (and a started tenant starts with). */
  int minReplicas();

  /** Replicas the autoscaler never goes above. */
  int maxReplicas();

  /** Average CPU utilisation, in percent of the request, the autoscaler aims for. */
  @WithDefault("70")
  int cpuTargetPercent();
}
