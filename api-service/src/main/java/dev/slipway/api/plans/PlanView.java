package dev.slipway.api.plans;

import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.Resources;

/**
 * A plan of the catalogue as {@code GET /v1/plans} shows it.
 *
 * @param replicas replicas while started (the autoscaler's minimum when there is one)
 * @param autoscaling null when the plan runs a fixed number of replicas
 * @param gateway gateway limits a tenant on this plan starts with
 */
public record PlanView(
    String name,
    String description,
    int replicas,
    Resources resources,
    Autoscaling autoscaling,
    GatewayLimits gateway) {

  /** The plan's gateway limits (a tenant's project is its own, so it is not shown here). */
  public record GatewayLimits(
      int maxConnections, int requestsPerSecond, int burst, int maxQueueSize) {}

  static PlanView of(Plan plan) {
    var g = plan.gateway();
    return new PlanView(
        plan.name(),
        plan.description(),
        plan.sizing().startedReplicas(),
        plan.sizing().resources(),
        plan.sizing().autoscaling(),
        new GatewayLimits(g.maxConnections(), g.requestsPerSecond(), g.burst(), g.maxQueueSize()));
  }
}
