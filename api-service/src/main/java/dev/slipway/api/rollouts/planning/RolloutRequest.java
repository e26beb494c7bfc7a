package dev.slipway.api.rollouts.planning;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/rollouts} as sent; {@link RequestCheck} validates it.
 *
 * @param confirm a bulk operation's confirmation: the exact number of tenants it changes (see
 *     {@link BulkAction})
 */
public record RolloutRequest(
    Target target,
    Selector selector,
    Strategy strategy,
    String reason,
    Boolean dryRun,
    Integer confirm) {

  /**
   * Exactly one of imageVersion, gatewayConfig and plan (a rollout), or an {@code action} (a bulk
   * operation: stop, start, delete, or change-plan with its plan).
   */
  public record Target(
      String imageVersion, Map<String, Object> gatewayConfig, String plan, String action) {}

  /**
   * Which tenants: those matching every criterion given among plans, namespaces and labels, and
   * those named in slugs.
   */
  public record Selector(
      List<String> plans,
      List<String> namespaces,
      Map<String, String> labels,
      List<String> slugs) {}

  /** Waves are strings ("25%", "10") or numbers (counts). */
  public record Strategy(
      Integer canary,
      List<Object> waves,
      Integer maxParallel,
      String bake,
      String readyTimeout,
      Integer maxFailures,
      Boolean rollbackAll) {}
}
