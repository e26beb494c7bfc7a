package dev.slipway.api.rollouts.planning;

import dev.slipway.api.plans.Plan;
import dev.slipway.common.model.GatewayConfig;
import java.util.Map;

/**
 * What a rollout changes, exactly one of: an image version, a merge patch of gateway limits, or a
 * plan; or, for a bulk operation, its action (a change-plan action also names the plan).
 *
 * @param gatewayConfig merge patch of the numeric gateway limits (maxConnections,
 *     requestsPerSecond, burst, maxQueueSize); null when the target is not a gateway config
 * @param action a bulk operation's {@link BulkAction#wire()} name; null for a rollout
 */
public record RolloutTarget(
    String imageVersion, Map<String, Integer> gatewayConfig, String plan, String action) {

  /** A rollout's target (no bulk action). */
  public RolloutTarget(String imageVersion, Map<String, Integer> gatewayConfig, String plan) {
    this(imageVersion, gatewayConfig, plan, null);
  }

  /** The bulk action, or null for a rollout. */
  public BulkAction bulkAction() {
    return action == null ? null : BulkAction.of(action);
  }

  public boolean movesFleet() {
    return imageVersion != null || gatewayConfig != null;
  }

  /**
   * The tenant's settings after the change. A tenant following the fleet moves to {@code
   * fleetVersion} (whose image is {@code fleetImage}); a pinned tenant (named in the selector's
   * slugs) keeps its pin, at the new image. A plan brings its sizing and its gateway limits.
   */
  public Snapshot apply(
      Snapshot before, Integer fleetVersion, String fleetImage, Plan newPlan, String project) {
    if (plan != null) {
      return new Snapshot(
          newPlan.sizing(),
          before.imageVersion(),
          before.fleetVersion(),
          before.fleetImageVersion(),
          before.plan().equals(plan) ? before.gatewayConfig() : newPlan.gatewayFor(project));
    }
    GatewayConfig gateway =
        gatewayConfig == null ? before.gatewayConfig() : patched(before.gatewayConfig());
    boolean pinned = before.imageVersion() != null;
    String pin = pinned && imageVersion != null ? imageVersion : before.imageVersion();
    return new Snapshot(
        before.sizing(),
        pin,
        pinned ? before.fleetVersion() : fleetVersion,
        pinned ? before.fleetImageVersion() : fleetImage,
        gateway);
  }

  private GatewayConfig patched(GatewayConfig g) {
    return new GatewayConfig(
        g.project(),
        gatewayConfig.getOrDefault("maxConnections", g.maxConnections()),
        gatewayConfig.getOrDefault("requestsPerSecond", g.requestsPerSecond()),
        gatewayConfig.getOrDefault("burst", g.burst()),
        gatewayConfig.getOrDefault("maxQueueSize", g.maxQueueSize()));
  }
}
