package dev.slipway.reconciler.diff;

import dev.slipway.common.render.DesiredObjects;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.scan.ClusterSnapshot;
import dev.slipway.reconciler.scan.OpenOperation;
import dev.slipway.shared.tenants.TenantRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sorts the differences of one pass into drift classes. Pure: reads the two scans, writes nothing.
 * A tenant with an operation in flight is left alone: the worker is converging it right now. So is
 * one whose row was written after the pass began: its objects may have changed after they were
 * listed (under a burst of creates, a tenant applied just after its page was listed looked missing,
 * and the pass enqueued a RECONCILE for it; docs/benchmarks.md, burst as shipped); the next pass
 * judges it.
 */
public final class Classifier {
  private final ReconcilerConfig config;
  private final OffsetDateTime now;
  private final StatusCheck status;
  private final boolean queueEmpty;
  private final RenderSettings settings;

  /**
   * @param settings the fleet's rendering inputs (FleetConfig), the worker's own: what it would
   *     apply is what the cluster is compared with
   * @param queueEmpty the command queue held no message at all after the open operations were read:
   *     those published long enough ago lost their message and count as stuck now
   */
  public Classifier(
      ReconcilerConfig config, RenderSettings settings, OffsetDateTime now, boolean queueEmpty) {
    this.config = config;
    this.settings = settings;
    this.now = now;
    this.queueEmpty = queueEmpty;
    this.status = new StatusCheck(now.toInstant(), config.statusGrace(), config.restartThreshold());
  }

  /**
   * @param changed ids of tenants whose row was written after the pass began: skipped as busy
   */
  public DriftReport classify(
      List<TenantRow> tenants,
      ClusterSnapshot cluster,
      List<OpenOperation> open,
      Set<String> changed) {
    List<OpenOperation> stuck = new ArrayList<>();
    Set<String> busy = new HashSet<>(changed);
    Set<UUID> progressing = new HashSet<>();
    int lost = 0;
    for (OpenOperation op : open) {
      busy.add(op.tenantId().toString());
      if (op.stuck(now, config.stuckAfter())) {
        stuck.add(op);
      } else if (queueEmpty && op.publishedBefore(now, config.queue().lostAfter())) {
        stuck.add(op);
        lost++;
      } else {
        progressing.add(op.tenantId());
      }
    }
    Map<String, String> live = new HashMap<>(); // tenant id to the namespace on its row
    tenants.forEach(tenant -> live.put(tenant.id(), namespace(tenant)));
    // Rendering and comparing is most of a large pass's own CPU, and each tenant stands alone: on
    // every core (the common pool and this thread), in the rows' order (repairs go in that order).
    List<TenantDrift> drifts =
        tenants.parallelStream()
            .filter(tenant -> !busy.contains(tenant.id()))
            .flatMap(tenant -> tenant(tenant, cluster).stream())
            .toList();
    return new DriftReport(
        tenants.size(),
        cluster.objects(),
        drifts,
        orphans(cluster, live, busy),
        stuck,
        lost,
        busy.size(),
        progressing);
  }

  private Optional<TenantDrift> tenant(TenantRow tenant, ClusterSnapshot cluster) {
    var live = cluster.of(namespace(tenant), tenant.id());
    DesiredObjects desired = TenantRenderer.render(tenant.spec(), settings);
    Set<DriftClass> classes = EnumSet.noneOf(DriftClass.class);
    List<String> reasons = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    ObjectDiff.missing(desired, live, missing);
    missing.forEach(kind -> reasons.add("missing:" + kind));
    List<String> spec = new ArrayList<>();
    ObjectDiff.spec(tenant.spec(), desired, live, spec);
    spec.forEach(what -> reasons.add("spec:" + what));
    StatusFix fix = live.deployment == null ? null : status.check(tenant, live.pods).orElse(null);
    if (fix != null) {
      reasons.add("status:" + fix.expected() + "->" + fix.target() + "(" + fix.reason() + ")");
      classes.add(DriftClass.STATUS);
    }
    if (!missing.isEmpty()) {
      classes.add(DriftClass.MISSING);
    }
    if (!spec.isEmpty()) {
      classes.add(DriftClass.SPEC);
    }
    return classes.isEmpty()
        ? Optional.empty()
        : Optional.of(new TenantDrift(tenant, classes, List.copyOf(reasons), fix));
  }

  /**
   * Objects of tenants that are gone, and objects of live tenants in a namespace other than the one
   * on their row. Busy tenants are left alone: a delete in flight, or a stuck one that the STUCK
   * repair re-enqueues.
   */
  private static List<Orphan> orphans(
      ClusterSnapshot cluster, Map<String, String> live, Set<String> busy) {
    List<Orphan> orphans = new ArrayList<>();
    cluster.unlabelled().forEach(o -> orphans.add(new Orphan(null, o)));
    cluster
        .byNamespace()
        .forEach(
            (namespace, tenants) ->
                tenants.forEach(
                    (tenantId, objects) -> {
                      boolean home = namespace.equals(live.get(tenantId));
                      if (!home && !busy.contains(tenantId)) {
                        objects.prunable().forEach(o -> orphans.add(new Orphan(tenantId, o)));
                      }
                    }));
    return orphans;
  }

  /** The namespace the tenant's objects belong in: the one on its row. */
  private String namespace(TenantRow tenant) {
    return settings.namespaceOf(tenant.spec());
  }
}
