package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, speed: a rollout's own bookkeeping against the same changes made by PATCH, side by side
 * in one run on the whole local stack (each service its own process, the emulator's pod-ready delay
 * zero). {@code bench.tenants} tenants are created once; then, alternating, a PATCH round ({@code
 * bench.callers} callers PATCH every tenant to a new image version) and a rollout round (one wave
 * of the same tenants, named by slug, to another version: canary 0, bake 0, maxParallel {@code
 * bench.maxParallel}), each timed on the database's clock from just before its first request to
 * every tenant Running at its new generation (PATCH) or the rollout SUCCEEDED. The first pair warms
 * up. The API's per-caller write limit is raised for the PATCH callers, the worker's Kubernetes
 * budget as for P2. Not a test: run with {@code -Dit.test=RolloutOverheadBenchmark}; options {@code
 * -Dbench.tenants=2000 -Dbench.pairs=2 -Dbench.callers=8 -Dbench.maxParallel=1000
 * -Dbench.warmupPairs=0}.
 */
class RolloutOverheadBenchmark {
  private static final int TENANTS = Integer.getInteger("bench.tenants", 2000);
  private static final int PAIRS = Integer.getInteger("bench.pairs", 2);
  private static final int CALLERS = Integer.getInteger("bench.callers", 8);
  private static final int MAX_PARALLEL = Integer.getInteger("bench.maxParallel", 1000);
  private static final int WARMUP_PAIRS = Integer.getInteger("bench.warmupPairs", 0);
  private static final Duration ROUND_LIMIT = Duration.ofMinutes(10);

  /** One timed round: its total and, for a rollout, when its last tenant ran. */
  record Round(String kind, double seconds, double running, double load) {}

  @Test
  void rolloutAgainstPatches() throws Exception {
    Path root = Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
    var options =
        LocalStackOptions.test(root, Files.createTempDirectory("slipway-rollout-bench"))
            .withPodReadyDelay(Duration.ZERO)
            .withReconcileInterval(Duration.ofMinutes(5))
            .withTenantNamespaces(List.of("tenants"))
            .withServiceEnv(
                Map.of(
                    "SLIPWAY_WORKER_KUBERNETES_QPS", "400",
                    "SLIPWAY_WORKER_KUBERNETES_BURST", "800",
                    "SLIPWAY_API_RATE_LIMIT_WRITES_PER_SECOND", "100000",
                    "SLIPWAY_API_RATE_LIMIT_BURST", "100000",
                    // a loaded machine's database may take longer than the default 5 s to
                    // connect while every service starts at once
                    "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S"));
    try (LocalStack stack = LocalStack.start(options, false);
        Connection db =
            DriverManager.getConnection(
                stack.env().get("SLIPWAY_JDBC_URL"),
                stack.env().get("SLIPWAY_DB_USER"),
                stack.env().get("SLIPWAY_DB_PASSWORD"))) {
      BenchFleet fleet =
          new BenchFleet(
              stack.env(), db, "ro" + UUID.randomUUID().toString().substring(0, 6), TENANTS);
      fleet.create(CALLERS);
      List<Round> rounds = new ArrayList<>();
      for (int pair = -WARMUP_PAIRS; pair < PAIRS; pair++) {
        Round patches = patches(fleet, "5.0." + (2 * pair + 2 * WARMUP_PAIRS));
        Round rollout = rollout(fleet, "5.0." + (2 * pair + 2 * WARMUP_PAIRS + 1));
        for (Round r : List.of(patches, rollout)) {
          System.out.printf(Locale.ROOT, "pair %d: %s%n", pair, r);
          if (pair >= 0) {
            rounds.add(r);
          }
        }
      }
      report(rounds);
    }
  }

  private static Round patches(BenchFleet fleet, String image) throws Exception {
    double start = fleet.now();
    fleet.patchAll(image, CALLERS);
    double end = fleet.awaitRunning(image, ROUND_LIMIT);
    return new Round("PATCH", (end - start) / 1000, (end - start) / 1000, load());
  }

  private static Round rollout(BenchFleet fleet, String image) throws Exception {
    String body =
        "{\"target\":{\"imageVersion\":\""
            + image
            + "\"},\"selector\":{\"slugs\":[\""
            + String.join("\",\"", fleet.slugs)
            + "\"]},\"strategy\":{\"canary\":0,\"waves\":[\"100%\"],\"maxParallel\":"
            + MAX_PARALLEL
            + ",\"bake\":\"0s\",\"readyTimeout\":\"10m\",\"maxFailures\":0},"
            + "\"reason\":\"bookkeeping benchmark\"}";
    double start = fleet.now();
    String created = fleet.send("POST", "/v1/rollouts", body, 202);
    int at = created.indexOf("\"id\":\"") + 6;
    UUID id = UUID.fromString(created.substring(at, created.indexOf('"', at)));
    await()
        .atMost(ROUND_LIMIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                fleet.number(
                        "SELECT count(*) FROM rollouts WHERE id = ? AND status = 'SUCCEEDED'", id)
                    == 1);
    double end =
        fleet.number(
            "SELECT extract(epoch FROM finished_at) * 1000 FROM rollouts WHERE id = ?", id);
    double running = fleet.awaitRunning(image, Duration.ofSeconds(30));
    return new Round("rollout", (end - start) / 1000, (running - start) / 1000, load());
  }

  private static double load() throws Exception {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static void report(List<Round> rounds) {
    List<Double> patches = seconds(rounds, "PATCH");
    List<Double> rollouts = seconds(rounds, "rollout");
    System.out.printf(
        Locale.ROOT,
        "%n%,d tenants, %d callers for the PATCHes, rollout maxParallel %d, %d pairs after %d of"
            + " warm-up%n| round | seconds | last tenant Running s | load (1 min) |%n"
            + "|---|---:|---:|---:|%n",
        TENANTS,
        CALLERS,
        MAX_PARALLEL,
        PAIRS,
        WARMUP_PAIRS);
    for (Round r : rounds) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %.1f |%n",
          r.kind(),
          r.seconds(),
          r.running(),
          r.load());
    }
    for (int i = 0; i < Math.min(patches.size(), rollouts.size()); i++) {
      System.out.printf(
          Locale.ROOT,
          "pair %d: rollout / PATCHes = %.0f %%%n",
          i,
          100 * rollouts.get(i) / patches.get(i));
    }
    double p = median(patches);
    double r = median(rollouts);
    System.out.printf(
        Locale.ROOT,
        "medians: %d PATCHes %.1f s (%.1f–%.1f), rollout %.1f s (%.1f–%.1f): rollout / PATCHes"
            + " = %.0f %%%n",
        TENANTS,
        p,
        patches.stream().mapToDouble(d -> d).min().orElse(0),
        patches.stream().mapToDouble(d -> d).max().orElse(0),
        r,
        rollouts.stream().mapToDouble(d -> d).min().orElse(0),
        rollouts.stream().mapToDouble(d -> d).max().orElse(0),
        100 * r / p);
  }

  private static List<Double> seconds(List<Round> rounds, String kind) {
    return rounds.stream().filter(r -> r.kind().equals(kind)).map(Round::seconds).toList();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
