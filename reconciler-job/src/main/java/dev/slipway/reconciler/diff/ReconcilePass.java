package dev.slipway.reconciler.diff;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.scan.ClusterScanner;
import dev.slipway.reconciler.scan.DatabaseScanner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One reconcile pass: scan both sides, compare, report. Repair through the queue is the reconciler
 * issue's work; this pass only observes.
 */
@ApplicationScoped
public class ReconcilePass {
  private static final Logger LOG = Logger.getLogger(ReconcilePass.class);
  private static final int NAMES_IN_LOG = 20;
  private final DatabaseScanner database;
  private final ClusterScanner cluster;
  private final ReconcilerConfig config;
  private final MeterRegistry registry;
  private final AtomicInteger dbTenants = new AtomicInteger();
  private final AtomicInteger deployments = new AtomicInteger();
  private final AtomicInteger missing = new AtomicInteger();
  private final AtomicInteger orphans = new AtomicInteger();

  ReconcilePass(
      DatabaseScanner database,
      ClusterScanner cluster,
      ReconcilerConfig config,
      MeterRegistry registry) {
    this.database = database;
    this.cluster = cluster;
    this.config = config;
    this.registry = registry;
    registry.gauge(MetricNames.RECONCILE_DB_TENANTS, dbTenants);
    registry.gauge(MetricNames.RECONCILE_CLUSTER_DEPLOYMENTS, deployments);
    registry.gauge(
        MetricNames.RECONCILE_DRIFT, List.of(Tag.of(MetricNames.TAG_KIND, "missing")), missing);
    registry.gauge(
        MetricNames.RECONCILE_DRIFT, List.of(Tag.of(MetricNames.TAG_KIND, "orphan")), orphans);
  }

  public DriftReport run() {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "failed";
    try {
      var slugs = database.liveTenantSlugs(config.pageSize());
      var names = cluster.managedDeploymentNames(config.namespace(), config.pageSize());
      DriftReport report = DriftReport.compare(slugs, names);
      publish(report);
      log(report);
      outcome = "succeeded";
      return report;
    } finally {
      sample.stop(registry.timer(MetricNames.RECONCILE_PASS_DURATION));
      registry.counter(MetricNames.RECONCILE_PASSES, MetricNames.TAG_OUTCOME, outcome).increment();
    }
  }

  private void publish(DriftReport report) {
    dbTenants.set(report.dbTenants());
    deployments.set(report.clusterDeployments());
    missing.set(report.missing().size());
    orphans.set(report.orphans().size());
  }

  private static void log(DriftReport report) {
    LOG.infof(
        "reconcile pass: %d tenants in the database, %d deployments in the cluster,"
            + " %d missing %s, %d orphaned %s",
        report.dbTenants(),
        report.clusterDeployments(),
        report.missing().size(),
        sample(report.missing()),
        report.orphans().size(),
        sample(report.orphans()));
  }

  private static String sample(Set<String> names) {
    return names.stream().limit(NAMES_IN_LOG).collect(Collectors.joining(", ", "[", "]"));
  }
}
