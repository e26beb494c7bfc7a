package dev.slipway.reconciler.diff;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Differences between the database and the cluster found by one pass.
 *
 * @param dbTenants live tenants in the database
 * @param clusterDeployments Slipway-managed Deployments in the cluster
 * @param missing tenants whose Deployment is absent
 * @param orphans managed Deployments with no live tenant
 */
public record DriftReport(
    int dbTenants, int clusterDeployments, SortedSet<String> missing, SortedSet<String> orphans) {

  /** Pure comparison of the two sets of names. */
  public static DriftReport compare(Set<String> tenantSlugs, Set<String> deploymentNames) {
    SortedSet<String> missing = new TreeSet<>(tenantSlugs);
    missing.removeAll(deploymentNames);
    SortedSet<String> orphans = new TreeSet<>(deploymentNames);
    orphans.removeAll(tenantSlugs);
    return new DriftReport(
        tenantSlugs.size(),
        deploymentNames.size(),
        Collections.unmodifiableSortedSet(missing),
        Collections.unmodifiableSortedSet(orphans));
  }

  public boolean inSync() {
    return missing.isEmpty() && orphans.isEmpty();
  }
}
