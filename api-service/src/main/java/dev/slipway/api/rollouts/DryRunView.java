package dev.slipway.api.rollouts;

import dev.slipway.api.rollouts.planning.ObjectDiff;
import java.util.List;

/**
 * What a rollout would do, written nowhere: its waves' tenants and, per tenant, the fields of its
 * desired objects that would change.
 */
public record DryRunView(boolean dryRun, int total, List<Wave> waves, List<TenantDiff> diffs) {

  public record Wave(int index, boolean canary, List<String> tenants) {}

  /** {@code changes} empty: the tenant already has what the rollout sets. */
  public record TenantDiff(String slug, int wave, List<ObjectDiff.Change> changes) {}
}
