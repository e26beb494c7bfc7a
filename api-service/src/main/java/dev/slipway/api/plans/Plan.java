package dev.slipway.api.plans;

import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Sizing;

/**
 * A plan of the catalogue: how a tenant on it is sized, and the gateway limits it starts with.
 *
 * @param name catalogue key, also recorded on the tenant
 * @param description one line for humans
 * @param sizing replicas, resources and autoscaling copied onto tenants that choose the plan
 * @param gateway gateway limits a tenant starts with; {@code project} is a placeholder replaced by
 *     the tenant's own
 */
public record Plan(String name, String description, Sizing sizing, GatewayConfig gateway) {

  /** The plan's gateway limits for a tenant accounted to {@code project}. */
  public GatewayConfig gatewayFor(String project) {
    return new GatewayConfig(
        project,
        gateway.maxConnections(),
        gateway.requestsPerSecond(),
        gateway.burst(),
        gateway.maxQueueSize());
  }
}
