package dev.slipway.reconciler.diff;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.reconciler.repair.RepairSummary;
import dev.slipway.reconciler.repair.Repairer;
import dev.slipway.reconciler.run.PassLock;
import dev.slipway.reconciler.run.PassMetrics;
import dev.slipway.reconciler.run.RunRecorder;
import dev.slipway.reconciler.scan.ClusterScanner;
import dev.slipway.reconciler.scan.DatabaseScanner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One reconcile pass: take the lock, scan both sides, classify, repair (as the mode allows), record
 * the run and its metrics, and log one summary line.
 */
@ApplicationScoped
public class ReconcilePass {
  private static final Logger LOG = Logger.getLogger(ReconcilePass.class);
  private final DatabaseScanner database;
  private final ClusterScanner cluster;
  private final Repairer repairer;
  private final PassLock lock;
  private final RunRecorder runs;
  private final PassMetrics metrics;
  private final ReconcilerConfig config;
  private final MeterRegistry registry;
  private final Clock clock = Clock.systemUTC();

  ReconcilePass(
      DatabaseScanner database,
      ClusterScanner cluster,
      Repairer repairer,
      PassLock lock,
      RunRecorder runs,
      PassMetrics metrics,
      ReconcilerConfig config,
      MeterRegistry registry) {
    this.database = database;
    this.cluster = cluster;
    this.repairer = repairer;
    this.lock = lock;
    this.runs = runs;
    this.metrics = metrics;
    this.config = config;
    this.registry = registry;
  }

  /** A pass in the configured mode. */
  public PassResult run() {
    return run(PassMode.of(config));
  }

  public PassResult run(PassMode mode) {
    var held = lock.tryAcquire();
    if (held.isEmpty()) {
      LOG.info("reconcile pass skipped: another pass holds the lock");
      metrics.passEnded("skipped");
      return PassResult.skipped();
    }
    try (var ignored = held.get()) {
      return locked(mode);
    }
  }

  private PassResult locked(PassMode mode) {
    Timer.Sample sample = Timer.start(registry);
    UUID runId = runs.start(mode.label());
    String outcome = "failed";
    try {
      PassResult result = scanAndRepair(runId, mode);
      outcome = "succeeded";
      return result;
    } catch (RuntimeException e) {
      runs.failed(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    } finally {
      sample.stop(registry.timer(MetricNames.RECONCILE_PASS_DURATION));
      metrics.passEnded(outcome);
    }
  }

  private PassResult scanAndRepair(UUID runId, PassMode mode) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int[] unreadable = {0};
    var tenants =
        database.liveTenants(
            config.pageSize(),
            (id, problem) -> {
              unreadable[0]++;
              LOG.warnf("tenant %s: stored desired state unreadable, skipped: %s", id, problem);
            });
    var open = database.openOperations(config.pageSize());
    var snapshot = cluster.scan(config.namespace(), config.pageSize());
    DriftReport report = new Classifier(config, now).classify(tenants, snapshot, open);
    Set<String> coolingDown =
        mode.reportOnly() ? Set.of() : database.recentlyReconciled(config.repairCooldown());
    Set<String> owners = new java.util.HashSet<>();
    report.orphans().forEach(o -> owners.add(o.tenantId()));
    owners.remove(null);
    Set<String> deleted = mode.reportOnly() ? Set.of() : database.deletedAmong(owners);
    RepairSummary repairs = repairer.repair(report, mode, coolingDown, deleted);
    repairs = withErrors(repairs, unreadable[0]);
    int calls = snapshot.apiCalls() + repairs.apiCalls();
    runs.succeeded(runId, report, repairs, calls);
    int deployments =
        (int) snapshot.byTenant().values().stream().filter(o -> o.deployment != null).count();
    metrics.completed(report, deployments, repairs, calls, clock);
    PassLog.summary(runId, mode, report, repairs, calls);
    return new PassResult(runId, report, repairs, calls);
  }

  private static RepairSummary withErrors(RepairSummary r, int more) {
    return new RepairSummary(
        r.enqueued(), r.statusUpdates(), r.pruned(), r.deferred(), r.errors() + more, r.apiCalls());
  }
}
