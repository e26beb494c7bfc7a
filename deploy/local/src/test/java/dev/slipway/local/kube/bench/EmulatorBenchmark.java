package dev.slipway.local.kube.bench;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the emulator (and, with {@code -Dbench.stock=1000,10000}, of the stock fabric8 CRUD
 * mock) at growing numbers of stored objects. Not a unit test: its name does not end in Test, so
 * the build never runs it. Run it with (see docs/benchmarks.md):
 *
 * <pre>./mvnw -B -o -pl deploy/local test -Dtest=EmulatorBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.sizes=1000,10000,40000]</pre>
 */
class EmulatorBenchmark {

  private static final int REPEATS = 5;
  private static final int MEASURED_CREATES = 400;

  /** One server under test: a fabric8 client and its URL. */
  private interface Target extends AutoCloseable {
    KubernetesClient client();

    String url();

    @Override
    void close();
  }

  @Test
  void run() {
    List<String> rows = new ArrayList<>();
    rows.add(
        "| server, client | stored | creates/s | GET/s | LIST 100 by label (ms) | LIST all (ms) |");
    rows.add("|---|---:|---:|---:|---:|---:|");
    // The JIT needs tens of thousands of requests; without this the first size looks slowest.
    measure("warm-up", emulator(), 30_000, t -> BenchApi.fabric8(t.client()));
    for (int size : sizes("bench.sizes", "1000,10000,40000")) {
      rows.add(measure("emulator, fabric8", emulator(), size, t -> BenchApi.fabric8(t.client())));
      rows.add(measure("emulator, JDK HTTP", emulator(), size, t -> BenchApi.raw(t.url())));
    }
    for (int size : sizes("bench.stock", "")) {
      rows.add(
          measure("fabric8 CRUD mock, fabric8", stock(), size, t -> BenchApi.fabric8(t.client())));
    }
    System.out.println(String.join("\n", rows));
  }

  /**
   * Fills to {@code size} objects. creates/s: the median over {@link #REPEATS} batches of up to
   * {@link #MEASURED_CREATES} creates at the end of the fill; then medians of {@link #REPEATS}
   * rounds of 4,000 random GETs and of LISTs.
   */
  private static String measure(
      String label, Target target, int size, Function<Target, BenchApi> api) {
    try (target) {
      Workload work = new Workload(api.apply(target));
      int measured = Math.min(REPEATS * MEASURED_CREATES, size);
      work.create(0, size - measured);
      List<Double> creates = new ArrayList<>();
      for (int r = 0; r < REPEATS; r++) {
        int batch = measured / REPEATS;
        int from = size - measured + r * batch;
        creates.add(work.create(from, from + batch));
      }
      List<Double> gets = new ArrayList<>();
      List<Double> byLabel = new ArrayList<>();
      List<Double> all = new ArrayList<>();
      for (int r = 0; r < REPEATS; r++) {
        gets.add(work.get(size, 4000));
        byLabel.add(work.list(BenchObjects.group(r * BenchObjects.GROUP_SIZE % size)));
        all.add(work.list(null));
      }
      work.close();
      String row =
          String.format(
              "| %s | %,d | %,.0f | %,.0f | %.1f | %.0f |",
              label,
              size,
              Workload.median(creates),
              Workload.median(gets),
              Workload.median(byLabel),
              Workload.median(all));
      System.out.println(row);
      return row;
    }
  }

  private static Target emulator() {
    KubeEmulator emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces("tenants"));
    return new Target() {
      public KubernetesClient client() {
        return emulator.client();
      }

      public String url() {
        return emulator.url();
      }

      public void close() {
        emulator.close();
      }
    };
  }

  private static Target stock() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    KubernetesClient client = server.createClient();
    return new Target() {
      public KubernetesClient client() {
        return client;
      }

      public String url() {
        return server.url("/").replaceAll("/$", "");
      }

      public void close() {
        client.close();
        server.destroy();
      }
    };
  }

  private static int[] sizes(String property, String defaults) {
    String value = System.getProperty(property, defaults);
    return value.isBlank()
        ? new int[0]
        : Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }
}
