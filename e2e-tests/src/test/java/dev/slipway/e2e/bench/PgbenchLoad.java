package dev.slipway.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pgbench} with the raw baseline of P1: the rows a create writes (tenant, CREATE
 * operation, outbox command) as three prepared inserts and a commit, the same statements as {@code
 * EnqueueBenchmark}'s JDBC loop. Ids come from two random numbers per transaction (md5 to uuid): 62
 * bits, so no two transactions of a run collide.
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
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

  record Result(double perSecond, double latencyMillis) {}

  private final Map<String, String> env;
  private final Path script;

  PgbenchLoad(Map<String, String> env, Path dir) throws IOException {
    this.env = env;
    this.script = Files.writeString(dir.resolve("create.sql"), SCRIPT, StandardCharsets.UTF_8);
  }

  Result run(Duration duration, int connections) throws Exception {
    // jdbc:postgresql://host:port/db
    URI db = URI.create(env.get("SLIPWAY_JDBC_URL").substring("jdbc:".length()));
    String out =
        Tools.run(
            List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-c" + connections,
                "-j2",
                "-T" + duration.toSeconds(),
                "-h",
                db.getHost(),
                "-p",
                Integer.toString(db.getPort()),
                "-U",
                env.get("SLIPWAY_DB_USER"),
                "-f",
                script.toString(),
                db.getPath().substring(1)),
            Map.of("PGPASSWORD", env.get("SLIPWAY_DB_PASSWORD")));
    Matcher tps = TPS.matcher(out);
    Matcher latency = LATENCY.matcher(out);
    if (!tps.find() || !latency.find()) {
      throw new IllegalStateException("no rate in pgbench's output:\n" + out);
    }
    return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
  }
}
