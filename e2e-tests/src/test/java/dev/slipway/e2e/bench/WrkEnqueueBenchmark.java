package dev.slipway.e2e.bench;

import dev.slipway.local.LocalService;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * P1 (issue 8) with the load tools the issue names: {@code wrk} creating tenants through the API
 * running as its own process (the packaged jar, sized as a pod, the outbox relay publishing to
 * ElasticMQ), against {@code pgbench} running the same three inserts in one transaction on the same
 * PostgreSQL: neither client's CPU is in a JVM being measured. The worker and reconciler are
 * stopped for the run (in production they run elsewhere). Rounds alternate between the two clients;
 * medians are reported. Not a test: run with {@code -Dit.test=WrkEnqueueBenchmark}; needs {@code
 * wrk} and {@code pgbench} on the PATH (Debian: {@code apt-get install wrk postgresql-client}).
 */
class WrkEnqueueBenchmark {
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int CONNECTIONS = Integer.getInteger("bench.concurrency", 16);
  // As P2: the API's JIT needs about half a minute of this load before its rate settles.
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 30);

  @Test
  void apiAgainstRawTransaction() throws Exception {
    Path root = Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
    Path state = Files.createTempDirectory("slipway-p1-wrk");
    try (LocalStack stack =
        LocalStack.start(
            LocalStackOptions.test(root, state)
                // One client makes every write: the per-caller limit would measure itself.
                .withServiceEnv(Map.of("SLIPWAY_API_RATE_LIMIT_ENABLED", "false")),
            false)) {
      stack.kill(LocalService.WORKER);
      stack.kill(LocalService.RECONCILER);
      Map<String, String> env = stack.env();
      WrkLoad wrk =
          new WrkLoad(
              URI.create(env.get("SLIPWAY_API_URL")), env.get("SLIPWAY_ADMIN_TOKEN"), state);
      PgbenchLoad pgbench = new PgbenchLoad(env, state);
      wrk.run(0, Duration.ofSeconds(WARMUP_SECONDS), CONNECTIONS); // JIT, pools, relay
      List<WrkLoad.Result> api = new ArrayList<>();
      List<PgbenchLoad.Result> raw = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        raw.add(pgbench.run(Duration.ofSeconds(SECONDS), CONNECTIONS));
        api.add(wrk.run(round, Duration.ofSeconds(SECONDS), CONNECTIONS));
      }
      report(api, raw);
    }
  }

  private static void report(List<WrkLoad.Result> api, List<PgbenchLoad.Result> raw) {
    System.out.printf(
        "%n| round | pgbench tx/s | pgbench latency avg (ms) | API creates/s (wrk) | p50 ms |"
            + " p99 ms | non-2xx | API / raw |%n|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < api.size(); i++) {
      WrkLoad.Result a = api.get(i);
      PgbenchLoad.Result r = raw.get(i);
      double ratio = 100 * a.perSecond() / r.perSecond();
      ratios.add(ratio);
      System.out.printf(
          "| %d | %.0f | %.1f | %.0f | %.1f | %.1f | %d | %.0f %% |%n",
          i + 1,
          r.perSecond(),
          r.latencyMillis(),
          a.perSecond(),
          a.p50Millis(),
          a.p99Millis(),
          a.non2xx(),
          ratio);
    }
    Collections.sort(ratios);
    System.out.printf(
        "API / raw (wrk / pgbench) = %.0f %% median of %d rounds of %d s, %d connections each%n",
        ratios.get(ratios.size() / 2), ratios.size(), SECONDS, CONNECTIONS);
  }
}
