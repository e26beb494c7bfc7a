package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import dev.slipway.local.bench.Percentiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * P2 (issue 8): from POST to objects applied and the tenant Running, at a steady rate, through the
 * whole local stack (each service its own process, as `./mvnw -Plocal` runs them) with the
 * emulator's pod-ready delay set to zero. The wait of each tenant is measured by the database, from
 * its operation's {@code queued_at} (the API's transaction) to its {@code status_updated_at} (the
 * worker's write of the Running phase), so the client's polling adds nothing. The services run as
 * shipped (issue 26: nothing raised); {@code -Dbench.serviceEnv=KEY=value,...} changes their
 * environment for a side-by-side run. Not a test: run with {@code
 * -Dit.test=PipelineLatencyBenchmark}; see docs/benchmarks.md.
 */
class PipelineLatencyBenchmark {
  // Issue 26's rate; one caller, whose write limit (50/s, burst 100) keeps up with it.
  private static final int RATE = Integer.getInteger("bench.rate", 50);
  private static final String SERVICE_ENV = System.getProperty("bench.serviceEnv", "");
  private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  // Freshly started services need tens of seconds of load on two cores before their JIT settles;
  // a deployed control plane is measured warm.
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 30);

  @Test
  void postToRunning() throws Exception {
    Path root = Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
    Path state = Files.createTempDirectory("slipway-p2");
    Map<String, String> serviceEnv = new java.util.HashMap<>();
    for (String pair : SERVICE_ENV.split(",")) {
      if (!pair.isBlank()) {
        serviceEnv.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    // The pod-ready delay is the emulated kubelet's, not a Slipway setting: zero, so that the
    // figure is Slipway's own path from POST to Running.
    var options =
        LocalStackOptions.test(root, state)
            .withPodReadyDelay(Duration.ZERO)
            .withReconcileInterval(Duration.ofMinutes(5))
            .withTenantNamespaces(List.of("tenants"))
            .withServiceEnv(serviceEnv);
    try (LocalStack stack = LocalStack.start(options, false)) {
      Map<String, String> env = stack.env();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try (Connection db =
          DriverManager.getConnection(
              env.get("SLIPWAY_JDBC_URL"),
              env.get("SLIPWAY_DB_USER"),
              env.get("SLIPWAY_DB_PASSWORD"))) {
        round("warm", env, http, db, WARMUP_SECONDS);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
          System.out.printf("load: %s (round %d)%n", RunTimings.load(), r);
          rows.add(round("p" + r, env, http, db, SECONDS));
        }
        System.out.printf(
            "%n| round | tenants | refused | POST p50 ms | POST p99 ms | queued to Running p50 ms | p99 ms | max ms |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|%n");
        rows.forEach(System.out::println);
        System.out.printf("rate: %d creates/s; load: %s (end)%n", RATE, RunTimings.load());
      }
    }
  }

  /** Creates RATE tenants a second for {@code seconds}, waits for all to run, returns a row. */
  private static String round(
      String prefix, Map<String, String> env, HttpClient http, Connection db, int seconds)
      throws Exception {
    String run = prefix + UUID.randomUUID().toString().substring(0, 6);
    int count = RATE * seconds;
    long[] postNanos = new long[count];
    ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
    long periodMicros = 1_000_000L / RATE;
    // A POST that is not accepted (a 429 when freshly started services fall behind and the paced
    // posts bunch up past the caller's burst) is counted, not waited for.
    AtomicInteger refused = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      int n = i;
      pacer.schedule(
          () -> {
            try {
              postNanos[n] = post(http, env, run + "-" + n);
            } catch (RuntimeException e) {
              postNanos[n] = Long.MAX_VALUE;
              if (refused.incrementAndGet() == 1) {
                System.out.println(prefix + ": " + e.getMessage());
              }
            }
          },
          i * periodMicros,
          TimeUnit.MICROSECONDS);
    }
    pacer.shutdown();
    if (!pacer.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("posts did not finish");
    }
    int accepted = count - refused.get();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> running(db, run) == accepted);
    double[] waits = RunTimings.createToRunning(db, run);
    System.out.println(prefix + ": " + RunTimings.stages(db, run));
    Arrays.sort(postNanos); // the refused ones (Long.MAX_VALUE) last, out of the percentiles
    return String.format(
        "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |",
        prefix,
        accepted,
        refused.get(),
        postNanos[accepted / 2] / 1e6,
        postNanos[Percentiles.rank(accepted, 0.99)] / 1e6,
        waits[waits.length / 2],
        Percentiles.of(waits, 0.99),
        waits[waits.length - 1]);
  }

  private static long post(HttpClient http, Map<String, String> env, String slug) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(env.get("SLIPWAY_API_URL") + "/v1/tenants"))
            .header("Authorization", "Bearer " + env.get("SLIPWAY_ADMIN_TOKEN"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\"}"))
            .build();
    long start = System.nanoTime();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 202) {
        throw new IllegalStateException("create " + slug + " answered " + status);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - start;
  }

  private static long running(Connection db, String run) throws Exception {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT count(*) FROM tenants WHERE slug LIKE ? AND phase = 'RUNNING'")) {
      s.setString(1, run + "-%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
