package dev.slipway.api.rollouts.planning;

import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/rollouts} as sent; {@link RequestCheck} validates it. */
public record RolloutRequest(
    Target target, Selector selector, Strategy strategy, String reason, Boolean dryRun) {

  /** Exactly one of the three. */
  public record Target(String imageVersion, Map<String, Object> gatewayConfig, String plan) {}

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
