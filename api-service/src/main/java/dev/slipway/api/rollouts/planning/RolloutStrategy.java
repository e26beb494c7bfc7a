package dev.slipway.api.rollouts.planning;

import java.time.Duration;
import java.util.List;

/**
 * How a rollout proceeds, as stored (durations in their text form, e.g. "30s").
 *
 * @param waves cumulative shares or counts of the selection after the canary
 * @param maxParallel most tenants of a wave changing (not yet Ready or failed) at once
 * @param maxFailures failed tenants a wave may have without halting the rollout
 * @param rollbackAll on a halt, roll back every tenant the rollout changed, not only the wave's
 */
public record RolloutStrategy(
    int canary,
    List<String> waves,
    int maxParallel,
    String bake,
    String readyTimeout,
    int maxFailures,
    boolean rollbackAll) {

  public Duration bakeDuration() {
    return Durations.parse("strategy.bake", bake, Duration.ofDays(1));
  }

  public Duration readyTimeoutDuration() {
    return Durations.parse("strategy.readyTimeout", readyTimeout, Duration.ofDays(1));
  }
}
