package dev.slipway.e2e.convergence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.e2e.RunningStack;
import dev.slipway.local.LocalStackOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One convergence run: the stack with shortened timings, the proxy in front of its API, the load,
 * the faults and the checker, and the phase every fault goes through (load, faults, heal, check).
 */
final class ConvergenceRun implements AutoCloseable {
  static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(3);
  // Commands the relay published this long ago count as lost once the queue is empty.
  static final Duration LOST_AFTER = Duration.ofSeconds(3);
  // The backlog a fault leaves: a service restart takes 20 to 40 s on two busy cores, a worker
  // whose polls backed off during a queue outage waits up to 5 s more.
  static final Duration BACKLOG_ALLOWANCE = Duration.ofSeconds(72);
  final ConvergenceMode mode;
  final RunningStack running;
  final ApiProxy proxy;
  final History history = new History();
  final Checker checker;
  final Nemesis nemesis;
  final Kills kills;
  private final Path stateDir;
  private final LoadGenerator load;
  private final QueueTap queue;
  private final FaultMatrix matrix = new FaultMatrix();
  private final Instant started = Instant.now();

  private ConvergenceRun(Path stateDir, ConvergenceMode mode, long seed) throws Exception {
    this.stateDir = stateDir;
    this.mode = mode;
    this.running =
        RunningStack.start(
            LocalStackOptions.test(RunningStack.repoRoot(), stateDir)
                // One namespace: the faults and the cluster view address it by path; sharding
                // across namespaces is TenantLifecycleIT's.
                .withTenantNamespaces(List.of(ClusterView.NAMESPACE))
                .withReconcileInterval(RECONCILE_INTERVAL)
                .withQueueVisibility(Duration.ofSeconds(6))
                .withServiceEnv(serviceEnv(mode)));
    Map<String, String> env = running.env();
    String token = env.get("SLIPWAY_ADMIN_TOKEN");
    this.proxy = new ApiProxy(URI.create(env.get("SLIPWAY_API_URL")).getPort());
    this.load =
        new LoadGenerator(new ApiClient(proxy.url(), token), history, mode.sessions(), seed);
    ApiClient direct = new ApiClient(env.get("SLIPWAY_API_URL"), token);
    Plans.load(direct);
    this.checker = new Checker(direct, running.kube());
    this.queue = new QueueTap(env);
    this.nemesis = new Nemesis(running.stack(), history, queue);
    this.kills = new Kills(running.stack(), proxy, queue, seed);
  }

  /** Starts the stack in the mode of {@code -Dslipway.convergence.mode}. */
  static ConvergenceRun start(Path stateDir) throws Exception {
    ConvergenceMode mode = ConvergenceMode.fromSystemProperty();
    long seed = Long.getLong("slipway.convergence.seed", System.nanoTime());
    System.out.printf("convergence: mode %s, seed %d%n", mode.name(), seed);
    return new ConvergenceRun(stateDir, mode, seed);
  }

  /** Production settings but for the timings (docs/reliability.md, "Timings"). */
  static Map<String, String> serviceEnv(ConvergenceMode mode) {
    return Map.ofEntries(
        Map.entry("SLIPWAY_WORKER_CONSUMER_HEARTBEAT_INTERVAL", "2s"),
        Map.entry("SLIPWAY_WORKER_CONSUMER_HEARTBEAT_EXTENSION", "6s"),
        Map.entry("SLIPWAY_WORKER_RETRY_BASE_DELAY", "1s"),
        Map.entry("SLIPWAY_WORKER_RETRY_MAX_DELAY", "4s"),
        // 20/s (EKS politeness) allows about 2 tenants/s: the worker must stay ahead of the load.
        Map.entry("SLIPWAY_WORKER_KUBERNETES_QPS", "100"),
        Map.entry("SLIPWAY_WORKER_KUBERNETES_BURST", "200"),
        // A write without an answer lands at the latest 12 s after it was sent (Nemesis.kubeSlow).
        Map.entry("SLIPWAY_WORKER_KUBERNETES_IN_DOUBT_WINDOW", "15s"),
        // stuck-after stays at its 15 minutes: within the deadline, a lost message can only be
        // recovered through the empty-queue check.
        Map.entry("SLIPWAY_RECONCILER_QUEUE_LOST_AFTER", LOST_AFTER.toSeconds() + "s"),
        Map.entry("SLIPWAY_RECONCILER_REPAIR_BACKOFF_BASE", "5s"),
        // At most ~3 RECONCILEs/s with a pass every 3 s (production: 100 a minute).
        Map.entry("SLIPWAY_RECONCILER_MAX_REPAIRS_PER_PASS", "10"),
        Map.entry("SLIPWAY_API_RATE_LIMIT_WRITES_PER_SECOND", "1000"),
        Map.entry("SLIPWAY_API_RATE_LIMIT_BURST", "1000"),
        Map.entry("SLIPWAY_API_OUTBOX_MAX_BACKOFF", "2s"));
  }

  Duration convergeWithin() {
    return RECONCILE_INTERVAL.plus(LOST_AFTER).plus(BACKLOG_ALLOWANCE);
  }

  /** Load, faults, heal, then the check must come out clean within the deadline. */
  void phase(String fault, String tag, Supplier<Nemesis.Trials> faults) {
    Instant begun = Instant.now();
    load.start(fault, tag);
    Nemesis.Trials trials;
    try {
      trials = faults.get();
    } finally {
      load.stop();
      running.stack().kubeFaults().clear();
    }
    Instant healed = Instant.now();
    load.awaitQuiet(Duration.ofMinutes(2));
    Instant drained = awaitDrained();
    Findings.Report report = awaitConvergence();
    Instant converged = Instant.now();
    var timing =
        new FaultMatrix.Timing(
            Duration.between(healed, drained), Duration.between(healed, converged));
    History.Counts counts = history.counts(fault);
    int restores =
        history.tenants().stream()
            .filter(t -> t.phase().equals(fault))
            .mapToInt(TenantModel::restores)
            .sum();
    System.out.printf(
        "convergence[%s]: trials=%d (%s) %s restores=%d %s %s phase=%ds%n",
        fault,
        trials.count(),
        trials.detail(),
        counts,
        restores,
        report.counts(),
        timing,
        Duration.between(begun, Instant.now()).toSeconds());
    matrix.add(new FaultMatrix.Row(fault, trials, counts, report, timing));
    assertTrue(report.clean(), () -> fault + ": " + report.details(40));
    assertTrue(counts.acknowledged() > 0, "the load made progress");
  }

  /**
   * When the fault's backlog is worked off: nothing left in the outbox or the queue (a lost
   * message's operation still open). From here the reconciler's next pass must do the rest.
   */
  private Instant awaitDrained() {
    try {
      await("queue drained")
          .atMost(convergeWithin())
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(queue::drained);
    } catch (ConditionTimeoutException e) {
      System.out.printf("convergence: queue not drained within %s%n", convergeWithin());
    }
    return Instant.now();
  }

  private Findings.Report awaitConvergence() {
    AtomicReference<Findings.Report> last = new AtomicReference<>();
    try {
      await("convergence")
          .atMost(convergeWithin())
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                last.set(checker.check(history));
                return last.get().clean();
              });
    } catch (ConditionTimeoutException e) {
      // reported with its findings by the caller
    }
    if (last.get() == null) {
      Findings none = new Findings();
      none.lost("no check completed within " + convergeWithin());
      return none.report(0);
    }
    return last.get();
  }

  /** Prints and writes the fault matrix, stops everything, keeps the services' logs. */
  @Override
  public void close() throws Exception {
    Duration total = Duration.between(started, Instant.now());
    System.out.println(matrix.markdown(mode.name(), total));
    matrix.write(Path.of("target", "convergence-" + mode.name() + ".md"), mode.name(), total);
    for (AutoCloseable c : new AutoCloseable[] {load, queue, proxy, running}) {
      c.close();
    }
    keepLogs();
  }

  /** The services' logs outlive the temporary state directory, for a failed run's diagnosis. */
  private void keepLogs() throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "convergence-logs"));
    try (var files = Files.list(stateDir.resolve("logs"))) {
      for (Path log : files.toList()) {
        Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
