package dev.slipway.api.bench;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, speed: planning a rollout over {@code bench.tenants} tenants, a dry run (the plan and
 * its diff summary) and a real one (the time to its 202: selection, overlap check, the rows of the
 * rollout and its tenants), side by side in one run. The tenants are written with SQL as copies of
 * one created through the API (its plan, sizing, gateway limits, fleet version, token; each its own
 * slug as its project, as a create gives it), under a label of their own. The engine is off, so a
 * planned rollout changes nobody; it is aborted to free its tenants for the next round. Not a test
 * (the name does not end in Test): run with {@code -Dtest=RolloutPlanBenchmark}. Options: {@code
 * -Dbench.tenants=10000 -Dbench.rounds=5}.
 */
@QuarkusTest
@TestProfile(RolloutPlanBenchmark.EngineOff.class)
class RolloutPlanBenchmark {
  private static final int TENANTS = Integer.getInteger("bench.tenants", 10_000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 3);

  /** Planning only: no engine steps the rollouts this benchmark creates. */
  public static class EngineOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("slipway.api.rollouts.engine-enabled", "false");
    }
  }

  @Inject DataSource db;

  @TestHTTPResource("/v1/rollouts")
  URI rollouts;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String token = TestTokens.admin();

  /** One timed request: milliseconds to the whole answer, and its size. */
  record Timed(double millis, int bytes, String body) {}

  @Test
  void planTenThousand() throws Exception {
    String suite = "pb" + UUID.randomUUID().toString().substring(0, 8);
    fill(suite, TENANTS);
    List<Timed> dry = new ArrayList<>();
    List<Timed> real = new ArrayList<>();
    for (int round = -WARMUP; round < ROUNDS; round++) {
      String image = "9.1." + (round + WARMUP);
      Timed d = post(body(suite, image, true), 200);
      Timed r = post(body(suite, image, false), 202);
      abort(r.body());
      System.out.printf(
          Locale.ROOT,
          "round %d: dry run %.0f ms (%,d bytes), create %.0f ms (%,d bytes)%n",
          round,
          d.millis(),
          d.bytes(),
          r.millis(),
          r.bytes());
      if (round >= 0) {
        dry.add(d);
        real.add(r);
      }
    }
    double load =
        Double.parseDouble(
            java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    System.out.printf(
        Locale.ROOT,
        "%n%,d tenants selected, one wave after a canary of 10, %d rounds after %d of warm-up%n"
            + "| request | median ms | spread (min–max) ms | answer bytes |%n|---|---:|---:|---:|%n",
        TENANTS,
        ROUNDS,
        WARMUP);
    row("POST /v1/rollouts dryRun=true (200)", dry);
    row("POST /v1/rollouts (202, planning only)", real);
    System.out.printf(Locale.ROOT, "load: %.2f (1-minute average at the end)%n", load);
  }

  private static void row(String name, List<Timed> runs) {
    double[] ms = runs.stream().mapToDouble(Timed::millis).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f–%.0f | %,d |%n",
        name,
        ms[ms.length / 2],
        ms[0],
        ms[ms.length - 1],
        runs.get(0).bytes());
  }

  private static String body(String suite, String image, boolean dryRun) {
    return "{\"target\":{\"imageVersion\":\""
        + image
        + "\"},\"selector\":{\"plans\":[\"small\"],\"labels\":{\"bench\":\""
        + suite
        + "\"}},\"strategy\":{\"canary\":10,\"waves\":[\"10%\",\"50%\",\"100%\"],"
        + "\"maxParallel\":200,\"bake\":\"0s\",\"readyTimeout\":\"5m\",\"maxFailures\":0},"
        + "\"reason\":\"planning benchmark\",\"dryRun\":"
        + dryRun
        + "}";
  }

  private Timed post(String body, int status) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(rollouts)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "expected " + status + ", got " + response.statusCode() + ": " + response.body());
    }
    return new Timed(millis, response.body().length(), response.body());
  }

  private void abort(String created) throws Exception {
    int at = created.indexOf("\"id\":\"") + 6;
    String id = created.substring(at, created.indexOf('"', at));
    HttpRequest request =
        HttpRequest.newBuilder(rollouts.resolve("/v1/rollouts/" + id + "/abort"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"benchmark round over\"}"))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("abort of " + id + " answered " + status);
    }
  }

  /** {@code n} Running tenants labelled {@code bench=suite}, copies of one the API created. */
  private void fill(String suite, int n) throws Exception {
    String template = TestApi.uniqueSlug("pbt");
    TestApi.createTenant(token, template).then().statusCode(202);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token,"
                    + " token_key_id, generation, phase, observed_generation, ready_replicas,"
                    + " gateway_url, plan, sizing, gateway_config, namespace, fleet_version,"
                    + " fleet_image_version, labels)"
                    + " SELECT gen_random_uuid(), ? || lpad(i::text, 5, '0'), 'RUNNING', 1,"
                    + " t.gateway_token, t.token_key_id, 1, 'RUNNING', 1, 1,"
                    + " 'wss://' || ? || lpad(i::text, 5, '0') || '.slipway.localhost', t.plan,"
                    + " t.sizing, jsonb_set(t.gateway_config, '{project}',"
                    + " to_jsonb(? || lpad(i::text, 5, '0'))), t.namespace, t.fleet_version,"
                    + " t.fleet_image_version, jsonb_build_object('bench', ?::text)"
                    + " FROM tenants t, generate_series(1, ?) AS i WHERE t.slug = ?")) {
      s.setString(1, suite + "-");
      s.setString(2, suite + "-");
      s.setString(3, suite + "-");
      s.setString(4, suite);
      s.setInt(5, n);
      s.setString(6, template);
      int inserted = s.executeUpdate();
      if (inserted != n) {
        throw new IllegalStateException("inserted " + inserted + " tenants, not " + n);
      }
    }
  }
}
