package dev.slipway.e2e.bench;

import dev.slipway.local.bench.Load;
import dev.slipway.local.tools.ExternalTool;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code pgbench} with the raw baseline of P1: the rows a create writes (tenant, CREATE
 * operation, outbox command) as three prepared inserts and a commit, the same statements as {@code
 * EnqueueBenchmark}'s JDBC loop. Ids come from two random numbers per transaction (md5 to uuid): 62
 * bits, so no two transactions of a run collide. Latency percentiles come from pgbench's log of
 * every transaction; with a rate, from each transaction's planned start (pgbench's schedule lag
 * added), as {@code Load} measures the API.
 */
final class PgbenchLoad {
  private static final String SCRIPT =
      """
      \\set a random(1, 2000000000)
      \\set b random(1, 2000000000)
      BEGIN;
      INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, generation, gateway_url) VALUES (md5('t' || :a || '-' || :b)::uuid, 'p' || :a || 'x' || :b, 'RUNNING', 1, md5('k' || :a || '-' || :b), 1, 'wss://p' || :a || 'x' || :b || '.example.com') ON CONFLICT (slug) WHERE phase <> 'DELETED' DO NOTHING;
      INSERT INTO operations (id, tenant_id, type, generation) VALUES (md5('o' || :a || '-' || :b)::uuid, md5('t' || :a || '-' || :b)::uuid, 'CREATE', 1);
      INSERT INTO outbox (operation_id, group_id, body) VALUES (md5('o' || :a || '-' || :b)::uuid, md5('t' || :a || '-' || :b), '{"v":1}');
      END;
      """;
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private final Map<String, String> env;
  private final Path dir;
  private final Path script;
  private int runs;

  PgbenchLoad(Map<String, String> env, Path dir) throws IOException {
    this.env = env;
    this.dir = dir;
    this.script = Files.writeString(dir.resolve("create.sql"), SCRIPT, StandardCharsets.UTF_8);
  }

  /** As fast as the connections go ({@code perSecond} 0) or at that many transactions a second. */
  Load.Result run(Duration duration, int connections, double perSecond) throws Exception {
    Path logs = Files.createDirectories(dir.resolve("pgbench-" + ++runs));
    // jdbc:postgresql://host:port/db
    URI db = URI.create(env.get("SLIPWAY_JDBC_URL").substring("jdbc:".length()));
    List<String> command =
        new ArrayList<>(
            List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-c" + connections,
                "-j2",
                "-T" + duration.toSeconds(),
                "--log",
                "--log-prefix=" + logs.resolve("tx"),
                "-h",
                db.getHost(),
                "-p",
                Integer.toString(db.getPort()),
                "-U",
                env.get("SLIPWAY_DB_USER"),
                "-f",
                script.toString()));
    if (perSecond > 0) {
      command.add("--rate=" + Math.round(perSecond));
    }
    command.add(db.getPath().substring(1));
    String out =
        ExternalTool.run(
                dir,
                command,
                Map.of("PGPASSWORD", env.get("SLIPWAY_DB_PASSWORD")),
                duration.plus(ExternalTool.DEFAULT_TIMEOUT))
            .orThrow(command);
    Matcher tps = TPS.matcher(out);
    if (!tps.find()) {
      throw new IllegalStateException("no rate in pgbench's output:\n" + out);
    }
    return new Load.Result(Double.parseDouble(tps.group(1)), latencies(logs), 0);
  }

  /**
   * Sorted latencies in nanoseconds from the per-transaction logs: {@code client transaction
   * time_us script epoch epoch_us [schedule_lag_us]}.
   */
  private static long[] latencies(Path logs) throws IOException {
    List<Long> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          String[] f = line.split(" ");
          long micros = Long.parseLong(f[2]) + (f.length > 6 ? Long.parseLong(f[6]) : 0);
          all.add(micros * 1000);
        }
      }
    }
    return all.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
