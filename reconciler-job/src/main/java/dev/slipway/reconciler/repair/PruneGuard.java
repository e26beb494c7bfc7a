package dev.slipway.reconciler.repair;

import dev.slipway.reconciler.diff.Orphan;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a prune that would remove a large share of the fleet in one pass. Orphans are what the
 * cluster has and the database does not: a database restored from an old backup, a wrong connection
 * string or a bad migration makes every tenant an orphan, and pruning would then take every
 * customer's gateway down. More than {@code maxShare} of the tenants seen (rows plus orphan owners)
 * at once is far likelier such a mistake than real garbage, so nothing is pruned and the alert
 * SlipwayPruneRefused asks a human (docs/runbooks.md). Up to {@code alwaysAllowed} tenants may be
 * pruned whatever the share, so a small fleet is still cleaned.
 */
public record PruneGuard(double maxShare, int alwaysAllowed) {

  /** Why this prune is refused, empty when it may go ahead. */
  public Optional<String> refusal(int dbTenants, List<Orphan> orphans) {
    Set<String> owners = new HashSet<>();
    for (Orphan orphan : orphans) {
      // Objects without a tenant-id label: each counts as a tenant of its own, to be safe.
      owners.add(orphan.tenantId() != null ? orphan.tenantId() : "unlabelled " + owners.size());
    }
    int pruned = owners.size();
    if (pruned <= alwaysAllowed) {
      return Optional.empty();
    }
    double share = (double) pruned / (dbTenants + pruned);
    if (share <= maxShare) {
      return Optional.empty();
    }
    return Optional.of(
        "pruning would remove the objects of %d tenant(s), %.0f%% of the %d seen (max-prune-share %.0f%%)"
            .formatted(pruned, share * 100, dbTenants + pruned, maxShare * 100));
  }
}
