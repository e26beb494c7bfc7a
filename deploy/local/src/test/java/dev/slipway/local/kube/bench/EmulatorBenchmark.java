package dev.slipway.local.kube.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the emulator (and, with {@code -Dbench.stock=1000,10000}, of the stock fabric8 CRUD
 * mock) at several stored sizes; see {@link SizeRun} for what is measured. Not a unit test: its
 * name does not end in Test, so the build never runs it. Run it with (see docs/benchmarks.md):
 *
 * <pre>./mvnw -B -o -pl deploy/local test -Dtest=EmulatorBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.sizes=1000,10000,40000]
 *     [-Dbench.stock=1000,10000] [-Dbench.clients=fabric8,raw] [-Dbench.repeats=5]
 *     [-Dbench.batchMillis=1500]</pre>
 */
class EmulatorBenchmark {

  private static final int WARM_UP_SIZE = 20_000;

  /**
   * Without a logging configuration the test JVM's log manager reports TRACE as enabled, and the
   * fabric8 client then formats every request and response body for a log line nobody sees. A
   * service configures its logging (INFO); so does the benchmark. Held here: JUL keeps loggers only
   * weakly, and a collected logger forgets its level.
   */
  private static final Logger FABRIC8_HTTP_LOG = Logger.getLogger("io.fabric8.kubernetes.client");

  static {
    FABRIC8_HTTP_LOG.setLevel(Level.INFO);
  }

  @Test
  void run() {
    int repeats = Integer.getInteger("bench.repeats", 5);
    long batchMillis = Long.getLong("bench.batchMillis", 1500);
    List<String> clients = List.of(System.getProperty("bench.clients", "fabric8,raw").split(","));
    List<String> rows = new ArrayList<>();
    rows.add(
        "| server, client | stored | creates/s | deletes/s | replaces/s | merge patches/s"
            + " | applies/s | GET/s | LIST 100 by label (ms) | LIST all (ms) |");
    rows.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    // The JIT needs tens of thousands of requests of each kind; without this the first size
    // measured looks slowest.
    // -Dbench.warmUp=false skips it where the fabric8 client's 10 s request timeout cannot be
    // met (a machine at load 50); the first size's figures then include the JIT's warm-up.
    if (Boolean.parseBoolean(System.getProperty("bench.warmUp", "true"))) {
      measure("warm-up", BenchTarget.emulator(), WARM_UP_SIZE, 2, batchMillis, Clients.FABRIC8);
    }
    for (int size : sizes("bench.sizes", "1000,10000,40000")) {
      for (String client : clients) {
        Clients kind = Clients.valueOf(client.trim().toUpperCase());
        rows.add(
            measure(
                "emulator, " + kind.label,
                BenchTarget.emulator(),
                size,
                repeats,
                batchMillis,
                kind));
      }
    }
    for (int size : sizes("bench.stock", "")) {
      rows.add(
          measure(
              "fabric8 CRUD mock, fabric8",
              BenchTarget.stock(),
              size,
              repeats,
              batchMillis,
              Clients.FABRIC8));
    }
    System.out.println(String.join("\n", rows));
  }

  /** The two clients: fabric8 (what Slipway uses) and bare HTTP/1.1 (the server's own cost). */
  private enum Clients {
    FABRIC8("fabric8", t -> BenchApi.fabric8(t.client())),
    RAW("bare HTTP", t -> new RawApi(t.url(), t.client().getConfiguration().getOauthToken()));

    final String label;
    final Function<BenchTarget, BenchApi> api;

    Clients(String label, Function<BenchTarget, BenchApi> api) {
      this.label = label;
      this.api = api;
    }
  }

  private static String measure(
      String label, BenchTarget target, int size, int repeats, long batchMillis, Clients client) {
    try (target;
        Workload work = new Workload(batchMillis);
        BenchApi api = client.api.apply(target)) {
      SizeRun run = new SizeRun(api, work, size, target.serverSideApply());
      String row = "| " + label + " | " + run.measure(repeats) + " |";
      System.out.println(row);
      return row;
    }
  }

  private static int[] sizes(String property, String defaults) {
    String value = System.getProperty(property, defaults);
    return value.isBlank()
        ? new int[0]
        : Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }
}
