package dev.slipway.reconciler.run;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.reconciler.diff.DriftClass;
import dev.slipway.reconciler.diff.DriftReport;
import dev.slipway.reconciler.repair.RepairSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reconciler's metrics. Gauges hold the last completed pass, so a dashboard shows the state of
 * the fleet, and they stay registered between passes (a gauge that vanished would read as "no
 * drift" on a graph).
 */
@ApplicationScoped
public class PassMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger dbTenants = new AtomicInteger();
  private final AtomicInteger deployments = new AtomicInteger();
  private final AtomicInteger orphans = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private final AtomicInteger apiCalls = new AtomicInteger();
  private final AtomicInteger deferred = new AtomicInteger();
  private final AtomicInteger frozen = new AtomicInteger();
  private final AtomicLong lastSuccess = new AtomicLong();
  private final Map<DriftClass, AtomicInteger> drift = new EnumMap<>(DriftClass.class);

  PassMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge(MetricNames.RECONCILE_DB_TENANTS, dbTenants);
    registry.gauge(MetricNames.RECONCILE_CLUSTER_DEPLOYMENTS, deployments);
    registry.gauge(MetricNames.RECONCILE_ORPHANS, orphans);
    registry.gauge(MetricNames.RECONCILE_LOST_MESSAGES, lost);
    registry.gauge(MetricNames.RECONCILE_API_CALLS, apiCalls);
    registry.gauge(MetricNames.RECONCILE_REPAIRS_DEFERRED, deferred);
    registry.gauge(MetricNames.RECONCILE_FROZEN_NOT_REPAIRED, frozen);
    registry.gauge(MetricNames.RECONCILE_LAST_SUCCESS, lastSuccess);
    for (DriftClass c : DriftClass.values()) {
      AtomicInteger value = new AtomicInteger();
      drift.put(c, value);
      registry.gauge(
          MetricNames.RECONCILE_DRIFT, List.of(Tag.of(MetricNames.TAG_KIND, c.tag())), value);
    }
  }

  public void completed(
      DriftReport report, int clusterDeployments, RepairSummary repairs, int calls, Clock clock) {
    dbTenants.set(report.dbTenants());
    deployments.set(clusterDeployments);
    report.counts().forEach((c, n) -> drift.get(c).set(n));
    orphans.set(report.orphans().size());
    lost.set(report.lost());
    apiCalls.set(calls);
    deferred.set(repairs.deferred());
    frozen.set(repairs.frozen());
    count("reconcile", repairs.enqueued());
    count("status", repairs.statusUpdates());
    count("prune", repairs.pruned());
    registry.counter(MetricNames.RECONCILE_REPAIR_ERRORS).increment(repairs.errors());
    lastSuccess.set(clock.instant().getEpochSecond());
  }

  public void passEnded(String outcome) {
    registry.counter(MetricNames.RECONCILE_PASSES, MetricNames.TAG_OUTCOME, outcome).increment();
  }

  private void count(String kind, int n) {
    registry.counter(MetricNames.RECONCILE_REPAIRS, MetricNames.TAG_KIND, kind).increment(n);
  }
}
