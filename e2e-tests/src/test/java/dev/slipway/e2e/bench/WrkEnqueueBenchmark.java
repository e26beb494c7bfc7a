package dev.slipway.e2e.bench;

import dev.slipway.local.LocalService;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import dev.slipway.local.bench.Load;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * P1 (issue 8) with the load tools the issue names: {@code wrk} creating tenants through the API
 * running as its own process (the packaged jar, sized as a pod, the outbox relay publishing to
 * ElasticMQ), against {@code pgbench} running the same three inserts in one transaction on the same
 * PostgreSQL: neither client's CPU is in a JVM being measured. The worker and reconciler are
 * stopped for the run (in production they run elsewhere), and the command queue is emptied after
 * each round ({@code -Dbench.resetQueue=false} keeps it). Rounds alternate between the two clients.
 * Then the latency half: wrk paced to half the median wrk rate, alternating with pgbench at that
 * same rate. Medians are reported. Not a test: run with {@code -Dit.test=WrkEnqueueBenchmark};
 * needs {@code wrk} and {@code pgbench} on the PATH (Debian: {@code apt-get install wrk
 * postgresql-client}).
 */
class WrkEnqueueBenchmark {
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int CONNECTIONS = Integer.getInteger("bench.concurrency", 16);
  // As P2: the API's JIT needs about half a minute of this load before its rate settles.
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 30);
  private static final boolean RESET_QUEUE =
      Boolean.parseBoolean(System.getProperty("bench.resetQueue", "true"));
  // At half rate each of these connections sends a request every ~35 ms.
  private static final int PACED_CONNECTIONS = Integer.getInteger("bench.pacedConnections", 32);
  // Extra settings for the services, for side-by-side runs: -Dbench.serviceEnv=KEY=value,KEY=value
  private static final String SERVICE_ENV = System.getProperty("bench.serviceEnv", "");

  @Test
  void apiAgainstRawTransaction() throws Exception {
    Path root = Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
    Path state = Files.createTempDirectory("slipway-p1-wrk");
    Map<String, String> serviceEnv = new HashMap<>();
    // One client makes every write: the per-caller limit would measure itself.
    serviceEnv.put("SLIPWAY_API_RATE_LIMIT_ENABLED", "false");
    for (String pair : SERVICE_ENV.split(",")) {
      if (pair.contains("=")) {
        serviceEnv.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    try (LocalStack stack =
        LocalStack.start(LocalStackOptions.test(root, state).withServiceEnv(serviceEnv), false)) {
      stack.kill(LocalService.WORKER);
      stack.kill(LocalService.RECONCILER);
      Map<String, String> env = stack.env();
      try (QueueReset queue = new QueueReset(env)) {
        new WrkEnqueueBenchmark().run(env, state, queue);
      }
    }
  }

  private void run(Map<String, String> env, Path state, QueueReset queue) throws Exception {
    URI apiUrl = URI.create(env.get("SLIPWAY_API_URL"));
    String token = env.get("SLIPWAY_ADMIN_TOKEN");
    WrkLoad wrk = new WrkLoad(apiUrl, token, state);
    PgbenchLoad pgbench = new PgbenchLoad(env, state);
    Duration round = Duration.ofSeconds(SECONDS);
    wrk.run("0", Duration.ofSeconds(WARMUP_SECONDS), CONNECTIONS); // JIT, pools, relay
    reset(queue);
    List<WrkLoad.Result> api = new ArrayList<>();
    List<Load.Result> raw = new ArrayList<>();
    for (int i = 1; i <= ROUNDS; i++) {
      raw.add(pgbench.run(round, CONNECTIONS, 0));
      reset(queue);
      api.add(wrk.run(Integer.toString(i), round, CONNECTIONS));
      reset(queue);
    }
    P1Report.saturated(api, raw, SECONDS, CONNECTIONS);

    double half = P1Report.median(api.stream().map(WrkLoad.Result::perSecond).toList()) / 2;
    List<WrkLoad.Result> pacedApi = new ArrayList<>();
    List<Load.Result> pacedRaw = new ArrayList<>();
    for (int i = 1; i <= ROUNDS; i++) {
      pacedRaw.add(pgbench.run(round, CONNECTIONS, half));
      reset(queue);
      pacedApi.add(wrk.run("p" + i, round, PACED_CONNECTIONS, half));
      reset(queue);
    }
    P1Report.paced(pacedApi, pacedRaw, half, PACED_CONNECTIONS);
  }

  private static void reset(QueueReset queue) throws Exception {
    if (RESET_QUEUE) {
      queue.run();
    }
  }
}
