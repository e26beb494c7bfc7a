package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/** One plan of the catalogue: {@code slipway.api.plans.<name>.*}. */
public interface PlanConfig {
  /** One line for humans choosing a plan. */
  @WithDefault("")
  String description();

  /** Replicas while started when the plan does not autoscale. */
  @WithDefault("1")
  int replicas();

  /** Container CPU request, a Kubernetes quantity such as {@code 50m}. */
  String cpuRequest();

  /** Container memory request, such as {@code 64Mi}. */
  String memoryRequest();

  /** Container CPU limit. */
  String cpuLimit();

  /** Container memory limit. */
  String memoryLimit();

  /** A HorizontalPodAutoscaler while started; absent for a fixed replica count. */
  Optional<PlanAutoscalingConfig> autoscaling();

  /** Gateway capacity and rate limits a tenant on this plan starts with. */
  PlanGatewayConfig gateway();
}
