package dev.slipway.api.rollouts;

import dev.slipway.api.rollouts.planning.DiffSummary;
import java.util.List;

/**
 * What a rollout would do, written nowhere: its waves' tenants and the fields of their desired
 * objects that would change, once per group of tenants with the same change ({@link DiffSummary}),
 * so that the answer for 10,000 tenants on one plan stays a few hundred kilobytes.
 */
public record DryRunView(
    boolean dryRun, int total, List<Wave> waves, List<DiffSummary.Group> diffs) {

  public record Wave(int index, boolean canary, List<String> tenants) {}
}
