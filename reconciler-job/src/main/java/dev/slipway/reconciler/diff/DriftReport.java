package dev.slipway.reconciler.diff;

import dev.slipway.reconciler.scan.OpenOperation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Differences between the database and the cluster found by one pass.
 *
 * @param dbTenants live tenants read from the database
 * @param clusterObjects managed objects listed from the cluster, pods included
 * @param drifts live tenants with missing objects, spec drift or status drift
 * @param orphans managed objects no live tenant owns (each object once)
 * @param stuck operations queued or running past the threshold, or whose message is lost
 * @param lost how many of {@code stuck} were found lost by an empty queue before the threshold
 * @param busyTenants tenants skipped because an operation is in flight or their row was written
 *     after the pass began
 * @param progressing tenants with an open operation not yet stuck: its command, queued behind any
 *     stuck one in the tenant's message group, converges the tenant, so a stuck operation of theirs
 *     needs no new RECONCILE
 */
public record DriftReport(
    int dbTenants,
    int clusterObjects,
    List<TenantDrift> drifts,
    List<Orphan> orphans,
    List<OpenOperation> stuck,
    int lost,
    int busyTenants,
    Set<UUID> progressing) {

  public DriftReport {
    drifts = List.copyOf(drifts);
    orphans = List.copyOf(orphans);
    stuck = List.copyOf(stuck);
    progressing = Set.copyOf(progressing);
  }

  /** The stuck operations by tenant, tenants in the order of their first stuck operation. */
  public Map<UUID, List<OpenOperation>> stuckByTenant() {
    Map<UUID, List<OpenOperation>> byTenant = new LinkedHashMap<>();
    stuck.forEach(op -> byTenant.computeIfAbsent(op.tenantId(), t -> new ArrayList<>()).add(op));
    return byTenant;
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
