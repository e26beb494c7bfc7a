package dev.slipway.api.rollouts;

import dev.slipway.api.rollouts.planning.RolloutSelector;
import dev.slipway.api.rollouts.planning.RolloutStrategy;
import dev.slipway.api.rollouts.planning.RolloutTarget;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rollout as the API shows it: its status, each wave with its tenants and their outcome, and
 * counts per tenant state.
 */
public record RolloutView(
    UUID id,
    String kind,
    String status,
    RolloutTarget target,
    RolloutSelector selector,
    RolloutStrategy strategy,
    String reason,
    String requestedBy,
    Integer fleetVersion,
    int currentWave,
    String lastError,
    Map<String, Integer> counts,
    List<Wave> waves,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime finishedAt) {

  /**
   * @param status PENDING (not started), RUNNING, BAKING, PASSED, FAILED (over the failure budget)
   *     or ROLLED_BACK
   */
  public record Wave(int index, boolean canary, String status, List<Tenant> tenants) {}

  public record Tenant(String slug, String state, String detail) {}

  private static final List<String> STATES =
      List.of("PENDING", "CHANGING", "READY", "FAILED", "ROLLED_BACK", "SKIPPED");

  public static RolloutView of(RolloutRow r, List<RolloutRepository.TenantState> tenants) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("total", tenants.size());
    STATES.forEach(s -> counts.put(s.toLowerCase(java.util.Locale.ROOT), 0));
    Map<Integer, List<Tenant>> byWave = new LinkedHashMap<>();
    for (var t : tenants) {
      counts.merge(t.state().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      byWave
          .computeIfAbsent(t.wave(), w -> new ArrayList<>())
          .add(new Tenant(t.slug(), t.state(), t.detail()));
    }
    counts.put("rolledBack", counts.remove("rolled_back"));
    List<Wave> waves = new ArrayList<>();
    byWave.forEach(
        (i, list) ->
            waves.add(
                new Wave(i, i == 0 && r.strategy().canary() > 0, waveStatus(r, i, list), list)));
    return new RolloutView(
        r.id(),
        r.kind(),
        r.status(),
        r.target(),
        r.selector(),
        r.strategy(),
        r.reason(),
        r.requestedBy(),
        r.fleetVersion(),
        r.currentWave(),
        r.lastError(),
        counts,
        waves,
        r.createdAt(),
        r.updatedAt(),
        r.finishedAt());
  }

  private static String waveStatus(RolloutRow r, int index, List<Tenant> tenants) {
    if (tenants.stream().anyMatch(t -> t.state().equals("ROLLED_BACK"))) {
      return "ROLLED_BACK";
    }
    if (tenants.stream().filter(t -> t.state().equals("FAILED")).count()
        > r.strategy().maxFailures()) {
      return "FAILED";
    }
    if (index < r.currentWave() || r.status().equals("SUCCEEDED")) {
      return "PASSED";
    }
    if (index > r.currentWave() || tenants.stream().allMatch(t -> t.state().equals("PENDING"))) {
      return tenants.stream().allMatch(t -> t.state().equals("SKIPPED")) ? "SKIPPED" : "PENDING";
    }
    return r.bakeUntil() != null ? "BAKING" : "RUNNING";
  }
}
