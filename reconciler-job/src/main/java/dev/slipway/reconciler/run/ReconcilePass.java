package dev.slipway.reconciler.run;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.diff.Classifier;
import dev.slipway.reconciler.diff.DriftReport;
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.reconciler.repair.RepairSummary;
import dev.slipway.reconciler.repair.Repairer;
import dev.slipway.reconciler.scan.ClusterScanner;
import dev.slipway.reconciler.scan.ClusterSnapshot;
import dev.slipway.reconciler.scan.CommandQueueState;
import dev.slipway.reconciler.scan.DatabaseScanner;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.shared.tenants.TenantRow;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * One reconcile pass: take the lock, scan both sides, classify, repair (as the mode allows), record
 * the run and its metrics, and log one summary line.
 */
@ApplicationScoped
public class ReconcilePass {
  private static final Logger LOG = Logger.getLogger(ReconcilePass.class);
  static final String PASS_SPAN = "slipway.reconcile pass";
  private final DatabaseScanner database;
  private final ClusterScanner cluster;
  private final CommandQueueState queueState;
  private final Repairer repairer;
  private final PassLock lock;
  private final RunRecorder runs;
  private final PassMetrics metrics;
  private final ReconcilerConfig config;
  private final FleetConfig fleet;
  private final MeterRegistry registry;
  private final Tracer tracer;
  private final Clock clock = Clock.systemUTC();

  ReconcilePass(
      DatabaseScanner database,
      ClusterScanner cluster,
      CommandQueueState queueState,
      Repairer repairer,
      PassLock lock,
      RunRecorder runs,
      PassMetrics metrics,
      ReconcilerConfig config,
      FleetConfig fleet,
      MeterRegistry registry,
      Tracer tracer) {
    this.tracer = tracer;
    this.database = database;
    this.cluster = cluster;
    this.queueState = queueState;
    this.repairer = repairer;
    this.lock = lock;
    this.runs = runs;
    this.metrics = metrics;
    this.config = config;
    this.fleet = fleet;
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
    // The pass's span: each repair's own trace links to it (RepairTracing).
    Span span =
        tracer
            .spanBuilder(PASS_SPAN)
            .setNoParent()
            .setAttribute("slipway.reconcile.run_id", runId.toString())
            .setAttribute("slipway.reconcile.mode", mode.label())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      PassResult result = scanAndRepair(runId, mode);
      outcome = "succeeded";
      return result;
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      forbidden(e);
      runs.failed(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    } finally {
      span.end();
      sample.stop(registry.timer(MetricNames.RECONCILE_PASS_DURATION));
      metrics.passEnded(outcome);
    }
  }

  /**
   * A 403 means the reconciler's Role lacks a rule: no later pass will do better, so it is said
   * loudly, with the API server's message (verb, resource, namespace), and counted.
   */
  private void forbidden(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() == 403) {
        registry.counter(MetricNames.KUBE_FORBIDDEN).increment();
        String message = k.getStatus() == null ? k.getMessage() : k.getStatus().getMessage();
        LOG.errorf("kubernetes RBAC refused the reconciler, pass failed: %s", message);
        return;
      }
    }
  }

  private PassResult scanAndRepair(UUID runId, PassMode mode) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> namespaces = fleet.checkedNamespaces();
    // Read before anything is listed: a tenant written after this (an apply that finished while
    // its namespace was being listed) cannot be judged against this listing (see Classifier).
    OffsetDateTime since = database.now();
    // The cluster is listed while the database is read: neither waits for the other.
    CompletableFuture<ClusterSnapshot> listing =
        CompletableFuture.supplyAsync(
            () -> cluster.scan(namespaces, config.pageSize(), config.listParallelism()),
            ReconcilePass::runOnOwnThread);
    // The open operations come before the tenants: an operation that finishes after this read
    // writes its tenant's row after `since`, so that row is read back as changed.
    var open = database.openOperations(config.pageSize());
    int[] unreadable = {0};
    Set<String> changed = new java.util.HashSet<>();
    var tenants =
        database.liveTenants(
            config.pageSize(),
            since,
            changed::add,
            (id, problem) -> {
              unreadable[0]++;
              LOG.warnf("tenant %s: stored desired state unreadable, skipped: %s", id, problem);
            });
    CommandQueueState.State queue =
        queueState.read(); // after the operations: see CommandQueueState
    if (queue == CommandQueueState.State.UNREADABLE) {
      unreadable[0]++;
    }
    var checked = inListedNamespaces(tenants, namespaces, unreadable);
    var snapshot = joined(listing);
    DriftReport report =
        new Classifier(config, fleet.renderSettings(), now, queue == CommandQueueState.State.EMPTY)
            .classify(checked, snapshot, open, changed);
    Set<String> owners = new java.util.HashSet<>();
    report.orphans().forEach(o -> owners.add(o.tenantId()));
    owners.remove(null);
    Set<String> deleted = mode.reportOnly() ? Set.of() : database.deletedAmong(owners);
    RepairSummary repairs = repairer.repair(report, mode, now.toInstant(), deleted);
    repairs = withErrors(repairs, unreadable[0]);
    int calls = snapshot.apiCalls() + repairs.apiCalls();
    runs.succeeded(runId, report, repairs, calls);
    metrics.completed(report, snapshot.deployments(), repairs, calls, clock);
    PassLog.summary(runId, mode, report, repairs, calls);
    return new PassResult(runId, report, repairs, calls);
  }

  /**
   * The tenants recorded in a namespace this reconciler lists. One recorded elsewhere cannot be
   * compared (its objects were not listed; it would look missing and be reconciled in a loop): it
   * is logged and counted as an error of the pass, so the configuration gets fixed.
   */
  private List<TenantRow> inListedNamespaces(
      List<TenantRow> tenants, List<String> namespaces, int[] errors) {
    List<TenantRow> listed = new ArrayList<>(tenants.size());
    for (TenantRow tenant : tenants) {
      String namespace = tenant.namespace() == null ? namespaces.get(0) : tenant.namespace();
      if (namespaces.contains(namespace)) {
        listed.add(tenant);
      } else {
        errors[0]++;
        LOG.warnf(
            "tenant %s (%s) is recorded in namespace %s, which slipway.fleet.namespaces does"
                + " not list: not checked",
            tenant.id(), tenant.slug(), namespace);
      }
    }
    return listed;
  }

  private static void runOnOwnThread(Runnable task) {
    Thread thread = new Thread(task, "reconcile-scan");
    thread.setDaemon(true);
    thread.start();
  }

  /** The listing's result, or its own exception as if it had run on this thread. */
  private static ClusterSnapshot joined(CompletableFuture<ClusterSnapshot> listing) {
    try {
      return listing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private static RepairSummary withErrors(RepairSummary r, int more) {
    return new RepairSummary(
        r.enqueued(),
        r.statusUpdates(),
        r.pruned(),
        r.deferred(),
        r.errors() + more,
        r.apiCalls(),
        r.frozen());
  }
}
