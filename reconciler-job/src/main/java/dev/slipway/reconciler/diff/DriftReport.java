package dev.slipway.reconciler.diff;

import dev.slipway.reconciler.scan.OpenOperation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Differences between the database and the cluster found by one pass.
 *
 * @param dbTenants live tenants read from the database
 * @param clusterObjects managed objects listed from the cluster, pods included
 * @param drifts live tenants with missing objects, spec drift or status drift
 * @param orphans managed objects no live tenant owns (each object once)
 * @param stuck operations queued or running past the threshold
 * @param busyTenants tenants skipped because an operation is in flight
 */
public record DriftReport(
    int dbTenants,
    int clusterObjects,
    List<TenantDrift> drifts,
    List<Orphan> orphans,
    List<OpenOperation> stuck,
    int busyTenants) {

  public DriftReport {
    drifts = List.copyOf(drifts);
    orphans = List.copyOf(orphans);
    stuck = List.copyOf(stuck);
  }

  /** Count per class: tenants for MISSING, SPEC and STATUS; objects for ORPHAN; operations. */
  public Map<DriftClass, Integer> counts() {
    Map<DriftClass, Integer> counts = new EnumMap<>(DriftClass.class);
    for (DriftClass c : DriftClass.values()) {
      counts.put(c, 0);
    }
    drifts.forEach(d -> d.classes().forEach(c -> counts.merge(c, 1, Integer::sum)));
    counts.put(DriftClass.ORPHAN, orphans.size());
    counts.put(DriftClass.STUCK, stuck.size());
    return counts;
  }

  /** The drift of one tenant, if any; for tests and logs. */
  public java.util.Optional<TenantDrift> of(String tenantId) {
    return drifts.stream().filter(d -> d.tenant().id().equals(tenantId)).findFirst();
  }

  public boolean inSync() {
    return drifts.isEmpty() && orphans.isEmpty() && stuck.isEmpty();
  }
}
