package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.config.DevToken;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import dev.slipway.local.bench.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, as shipped: a burst of creates (1,000 by default) from 4 API callers, each its own
 * admin token so that the per-caller write limit (50/s) is not what is measured, on the whole local
 * stack with the configuration `./slipway up` and the dev overlay ship: nothing raised, the
 * emulator's pod-ready delay of `./slipway up` (1 s), one tenant namespace. The rate is counted by
 * the database from the first create's operation queued to the last tenant's Running write. A first
 * burst warms the freshly started services (bench.warmup tenants). Not a test: run with {@code
 * -Dit.test=CreateBurstBenchmark}; see docs/benchmarks.md.
 */
class CreateBurstBenchmark {
  private static final int TENANTS = Integer.getInteger("bench.tenants", 1000);
  private static final int CALLERS = Integer.getInteger("bench.callers", 4);
  private static final int LANES = Integer.getInteger("bench.lanesPerCaller", 4);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 300);

  @Test
  void burstToRunning() throws Exception {
    Path root = Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
    LocalStackOptions up = LocalStackOptions.developer(root);
    var options =
        LocalStackOptions.test(root, Files.createTempDirectory("slipway-burst"))
            .withPodReadyDelay(up.podReadyDelay())
            .withReconcileInterval(up.reconcileInterval())
            .withTenantNamespaces(up.tenantNamespaces());
    try (LocalStack stack = LocalStack.start(options, false)) {
      Map<String, String> env = stack.env();
      BurstCallers callers = new BurstCallers(env.get("SLIPWAY_API_URL"), tokens(env), LANES);
      try (Connection db =
          DriverManager.getConnection(
              env.get("SLIPWAY_JDBC_URL"),
              env.get("SLIPWAY_DB_USER"),
              env.get("SLIPWAY_DB_PASSWORD"))) {
        round("warm", WARMUP, callers, db);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
          System.out.printf("load: %s (round %d)%n", RunTimings.load(), r);
          rows.add(round("b" + r, TENANTS, callers, db));
        }
        System.out.printf(
            "%n| round | tenants | callers | all accepted s | 429/503 | first create to all Running s"
                + " | tenants/s | queued to Running p50 ms | p99 ms |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        rows.forEach(System.out::println);
        System.out.printf("load: %s (end)%n", RunTimings.load());
      } finally {
        callers.close();
      }
    }
  }

  private static List<String> tokens(Map<String, String> env) {
    DevToken minter =
        DevToken.fromPem(
            Path.of(env.get("SLIPWAY_DEV_JWT_KEY")),
            env.get("SLIPWAY_DEV_JWT_ISSUER"),
            env.get("SLIPWAY_DEV_JWT_AUDIENCE"),
            new ObjectMapper());
    Instant now = Instant.now();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      tokens.add(minter.mint("burst-caller-" + i, "admin", null, now, now.plusSeconds(3600)));
    }
    return tokens;
  }

  private static String round(String prefix, int count, BurstCallers callers, Connection db)
      throws Exception {
    String run = prefix + UUID.randomUUID().toString().substring(0, 6);
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slugs.add(run + "-" + i);
    }
    int refusedBefore = callers.refused.get();
    Map<String, Double> cpuBefore = ProcessCpu.snapshot();
    long start = System.nanoTime();
    callers.create(slugs);
    double accepted = (System.nanoTime() - start) / 1e9;
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> single(db, RUNNING, run) == count);
    System.out.println(
        prefix
            + ": "
            + ProcessCpu.perTenant(ProcessCpu.between(cpuBefore, ProcessCpu.snapshot()), count));
    double seconds = single(db, SPAN, run);
    double[] waits = RunTimings.createToRunning(db, run);
    return String.format(
        "| %s | %d | %d | %.1f | %d | %.2f | %.0f | %.0f | %.0f |",
        prefix,
        count,
        CALLERS,
        accepted,
        callers.refused.get() - refusedBefore,
        seconds,
        count / seconds,
        waits[waits.length / 2],
        Percentiles.of(waits, 0.99));
  }

  private static final String RUNNING =
      "SELECT count(*) FROM tenants WHERE slug LIKE ? AND phase = 'RUNNING'";
  // From the first create's transaction to the last tenant's Running write, by the database clock.
  private static final String SPAN =
      "SELECT extract(epoch FROM max(t.status_updated_at) - min(o.queued_at))"
          + " FROM tenants t JOIN operations o ON o.tenant_id = t.id AND o.type = 'CREATE'"
          + " WHERE t.slug LIKE ?";

  private static double single(Connection db, String sql, String run) throws Exception {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, run + "-%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }
}
