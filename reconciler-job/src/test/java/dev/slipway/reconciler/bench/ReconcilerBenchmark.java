package dev.slipway.reconciler.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.select.LabelSelector;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.reconciler.scan.ClusterScanner;
import dev.slipway.reconciler.scan.ClusterSnapshot;
import dev.slipway.reconciler.scan.DatabaseScanner;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.shared.tenants.TenantRow;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
  @Inject DatabaseScanner database;

  @Test
  void run() throws Exception {
    Fleet fleet = new Fleet(pool, kube, fleetConfig);
    List<String> rows = new ArrayList<>();
    rows.add(
        "| tenants | objects listed | API calls | emulator requests | pass median (ms) |"
            + " JVM CPU per pass (ms) | listed objects held (MiB) | tenant rows held (MiB) |"
            + " heap peak above idle (MiB) | GCs per pass (count, ms) | drifted |");
    rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
    int stored = 0;
    FleetFill filler = new FleetFill(fleet, KubeEmulatorTestResource.emulator());
    for (int size : sizes()) {
      long start = System.nanoTime();
      filler.fill(stored, size);
      awaitSettled(size);
      System.out.printf("filled %d tenants in %.0f s%n", size, (System.nanoTime() - start) / 1e9);
      stored = size;
      rows.add(measure(size));
    }
    System.out.println("page size " + config.pageSize() + "\n" + String.join("\n", rows));
  }

  /** Report-only, so every repeat sees the same fleet. */
  private String measure(int size) throws Exception {
    PassMode mode = PassMode.of(config).withReportOnly(true);
    pass.run(mode); // warm-up
    List<Double> millis = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    try (PassRecording ignored = PassRecording.start(size)) {
      return measured(size, mode, millis, cpu);
    }
  }

  private String measured(int size, PassMode mode, List<Double> millis, List<Double> cpu)
      throws Exception {
    List<Double> heap = new ArrayList<>();
    List<String> gcs = new ArrayList<>();
    PassResult last = null;
    long requests = 0;
    for (int r = 0; r < REPEATS; r++) {
      try (PassHeap passHeap = new PassHeap()) {
        long requestsBefore = emulatorRequests();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        last = pass.run(mode);
        millis.add((System.nanoTime() - start) / 1e6);
        cpu.add((processCpuNanos() - cpuStart) / 1e6);
        requests = emulatorRequests() - requestsBefore;
        heap.add(passHeap.peakAboveBaselineMiB());
        gcs.add(passHeap.collections() + ", " + passHeap.collectionMillis());
      }
    }
    Collections.sort(millis);
    Collections.sort(cpu);
    Collections.sort(heap);
    return "| %d | %d | %d | %d | %.0f | %.0f | %.1f | %.1f | %.0f (%.0f-%.0f) | %s | %d |"
        .formatted(
            size,
            last.report().clusterObjects(),
            last.apiCalls(),
            requests,
            millis.get(REPEATS / 2),
            cpu.get(REPEATS / 2),
            snapshotHeap() / (1024.0 * 1024.0),
            rowsHeap() / (1024.0 * 1024.0),
            heap.get(REPEATS / 2),
            heap.get(0),
            heap.get(REPEATS - 1),
            String.join("; ", gcs),
            last.report().drifts().size());
  }

  /** Every request the emulator answered (its own counters), of any client. */
  private static long emulatorRequests() {
    return KubeEmulatorTestResource.emulator().requestCounts().snapshot().values().stream()
        .mapToLong(Long::longValue)
        .sum();
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

  /**
   * Heap of the tenant rows a pass reads (and holds until it has classified them), the same way.
   */
  private long rowsHeap() {
    long before = usedAfterGc();
    List<TenantRow> held =
        database.liveTenants(config.pageSize(), OffsetDateTime.now(), id -> {}, (id, p) -> {});
    long after = usedAfterGc();
    if (held.size() < 0) {
      throw new IllegalStateException("unreachable: keeps the rows alive until here");
    }
    return after - before;
  }

  private static long usedAfterGc() {
    return PassHeap.usedAfterFullGc();
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

  /**
   * Waits until the emulated controller has made every tenant's pod ready and gone idle (a busy
   * controller would be measured with the pass), counting pods in the store, not over HTTP.
   */
  private static void awaitSettled(int want) {
    var emulator = KubeEmulatorTestResource.emulator();
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                emulator.controllerIdle()
                    && emulator
                            .store()
                            .matching(
                                ObjectRef.PODS,
                                "tenants",
                                LabelSelector.EVERYTHING,
                                o -> ready(o.tree()))
                            .size()
                        >= want);
  }

  private static boolean ready(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> sizes() {
    return Arrays.stream(System.getProperty("bench.sizes", "1000,10000").split(","))
        .map(String::trim)
        .map(Integer::parseInt)
        .toList();
  }
}
