package dev.slipway.reconciler.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.reconciler.scan.ClusterScanner;
import dev.slipway.reconciler.scan.ClusterSnapshot;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Time and Kubernetes API calls of one pass over growing fleets (real embedded PostgreSQL, the
 * emulator, every tenant in sync: Secret, Deployment, Service, Ingress and a ready pod). Not a unit
 * test: its name does not end in Test, so the build never runs it. See docs/benchmarks.md:
 *
 * <pre>./mvnw -B -o -pl reconciler-job test -Dtest=ReconcilerBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.sizes=1000,10000]</pre>
 */
@QuarkusTest
class ReconcilerBenchmark {
  private static final int REPEATS = 3;
  private static final int THREADS = 8;
  @Inject ReconcilePass pass;

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject ReconcilerConfig config;
  @Inject FleetConfig fleetConfig;
  @Inject ClusterScanner scanner;

  @Test
  void run() throws Exception {
    Fleet fleet = new Fleet(pool, kube, fleetConfig);
    List<String> rows = new ArrayList<>();
    rows.add(
        "| tenants | objects listed | API calls | pass median (ms) | JVM CPU per pass (ms) |"
            + " listed objects held (MiB) | drifted |");
    rows.add("|---:|---:|---:|---:|---:|---:|---:|");
    int stored = 0;
    for (int size : sizes()) {
      fill(fleet, stored, size);
      stored = size;
      rows.add(measure(size));
    }
    System.out.println("page size " + config.pageSize() + "\n" + String.join("\n", rows));
  }

  /** Report-only, so every repeat sees the same fleet. */
  private String measure(int size) {
    PassMode mode = PassMode.of(config).withReportOnly(true);
    pass.run(mode); // warm-up
    List<Double> millis = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    PassResult last = null;
    for (int r = 0; r < REPEATS; r++) {
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      last = pass.run(mode);
      millis.add((System.nanoTime() - start) / 1e6);
      cpu.add((processCpuNanos() - cpuStart) / 1e6);
    }
    Collections.sort(millis);
    Collections.sort(cpu);
    return "| %d | %d | %d | %.0f | %.0f | %.1f | %d |"
        .formatted(
            size,
            last.report().clusterObjects(),
            last.apiCalls(),
            millis.get(REPEATS / 2),
            cpu.get(REPEATS / 2),
            snapshotHeap() / (1024.0 * 1024.0),
            last.report().drifts().size());
  }

  /**
   * Heap the pass holds for what it listed, from its LISTs until the classification ends: the
   * difference in used heap (after full collections) with one listing kept alive and without.
   */
  private long snapshotHeap() {
    long before = usedAfterGc();
    ClusterSnapshot held =
        scanner.scan(fleetConfig.checkedNamespaces(), config.pageSize(), config.listParallelism());
    long after = usedAfterGc();
    if (held.objects() < 0) {
      throw new IllegalStateException("unreachable: keeps the listing alive until here");
    }
    return after - before;
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * CPU time of this JVM: the pass's threads, and the emulator serving its LISTs (which a real API
   * server would spend elsewhere). PostgreSQL runs in its own processes and is not counted.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void fill(Fleet fleet, int from, int to) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String slug = "bench-%06d".formatted(i);
        work.add(
            threads.submit(
                () -> {
                  TenantSpec spec = Fleet.spec(slug, DesiredState.RUNNING, false);
                  fleet.insert(spec, dev.slipway.common.model.Phase.RUNNING);
                  fleet.desired(spec).inApplyOrder().forEach(o -> kube.resource(o).create());
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    int want = to;
    // Every tenant in sync: wait for the emulated controller's pods to be ready.
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                kube
                        .pods()
                        .withLabel("app.kubernetes.io/managed-by", "slipway")
                        .list()
                        .getItems()
                        .stream()
                        .filter(Fleet::ready)
                        .count()
                    >= want);
    // ...and for its tail of status updates: a busy controller would be measured with the pass.
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> KubeEmulatorTestResource.emulator().controllerIdle());
  }

  private static List<Integer> sizes() {
    return Arrays.stream(System.getProperty("bench.sizes", "1000,10000").split(","))
        .map(String::trim)
        .map(Integer::parseInt)
        .toList();
  }
}
