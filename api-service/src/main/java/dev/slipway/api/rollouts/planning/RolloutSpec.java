package dev.slipway.api.rollouts.planning;

/** A validated rollout request. */
public record RolloutSpec(
    RolloutTarget target,
    RolloutSelector selector,
    RolloutStrategy strategy,
    String reason,
    boolean dryRun) {}
