package dev.slipway.api.bench;

import dev.slipway.api.TestTokens;
import dev.slipway.api.capacity.CapacityService;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.outbox.RelayRoundProbe;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.local.bench.Percentiles;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * P7 (issue 26): the API's reads at fleet scale. Fills the database with SQL ({@link ScaleFill}) to
 * each size of {@code -Dbench.sizes} (default 10,000 and 100,000 tenants) and at each size times,
 * one request after the other: tenant listing pages (first page, a page deep in the slug order,
 * filtered by plan, label and phase), the capacity report, and relay rounds of 100 commands over an
 * outbox holding a sent row per tenant. Then prints the plans PostgreSQL chose at the largest size
 * (EXPLAIN ANALYZE, BUFFERS). Not a test (the name does not end in Test); see docs/benchmarks.md,
 * P7.
 */
@QuarkusTest
@TestProfile(ApiScaleBenchmark.NoRelayThread.class)
class ApiScaleBenchmark {
  private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 300);
  private static final int RELAY_ROUNDS = Integer.getInteger("bench.relayRounds", 30);
  private static final int RELAY_BATCH = 100;

  /** The relay's own thread off: the benchmark runs the rounds it times. */
  public static class NoRelayThread implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // The shipped max-age (tests elsewhere set 0 to read their own writes).
      return Map.of("slipway.api.outbox.enabled", "false", "slipway.api.capacity.max-age", "60s");
    }
  }

  @TestHTTPResource("/")
  URI base;

  @Inject DataSource db;
  @Inject PlanCatalog plans;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;
  @Inject Tracer tracer;
  @Inject CapacityService capacity;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void run() throws Exception {
    ScaleFill fill = new ScaleFill(db, plans);
    RelayRoundProbe relay =
        new RelayRoundProbe(db, sqs, config.queueUrl(), tracer, config.outbox().batchSize());
    List<String> rows = new ArrayList<>();
    rows.add("| tenants | request | p50 ms | p99 ms | max ms | items |");
    rows.add("|---:|---|---:|---:|---:|---:|");
    int stored = 0;
    Map<String, String> lastQueries = Map.of();
    for (int size : sizes()) {
      long start = System.nanoTime();
      fill.fill(stored, size);
      stored = size;
      System.out.printf("filled %d tenants in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
      lastQueries = queries();
      for (var query : lastQueries.entrySet()) {
        // A fresh token per request kind: a loaded machine can outlast a token's lifetime.
        rows.add(printed(row(size, query.getKey(), time(TestTokens.admin(), query.getValue()))));
      }
      rows.add(printed(row(size, "capacity report recomputed (the aggregate)", recomputes())));
      rows.add(printed(row(size, "relay round of " + RELAY_BATCH, relayRounds(relay))));
    }
    System.out.println(String.join("\n", rows));
    ScalePlans.print(db, plans);
  }

  /** The requests timed, by name: each a path and query of the API. */
  private Map<String, String> queries() throws Exception {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("GET /v1/tenants (first page)", "/v1/tenants");
    q.put("GET /v1/tenants?cursor= (90 % deep)", "/v1/tenants?cursor=" + deepCursor());
    q.put("GET /v1/tenants?plan=standard (20 %)", "/v1/tenants?plan=standard");
    q.put("GET /v1/tenants?plan=large (1 %)", "/v1/tenants?plan=large");
    q.put("GET /v1/tenants?label=team=t7 (2 %)", "/v1/tenants?label=" + enc("team=t7"));
    q.put("GET /v1/tenants?label=env=prod (25 %)", "/v1/tenants?label=" + enc("env=prod"));
    q.put("GET /v1/tenants?phase=FAILED (2 %)", "/v1/tenants?phase=FAILED");
    q.put("GET /v1/tenants?phase=STOPPED (10 %)", "/v1/tenants?phase=STOPPED");
    q.put(
        "GET /v1/tenants?plan=large&label=env=prod",
        "/v1/tenants?plan=large&label=" + enc("env=prod"));
    q.put("GET /v1/ops/capacity", "/v1/ops/capacity");
    return q;
  }

  /** The cursor a client holds after paging through 90 % of the live tenants. */
  private String deepCursor() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT slug, id FROM tenants WHERE phase <> 'DELETED' ORDER BY slug, id"
                    + " OFFSET (SELECT count(*) * 9 / 10 FROM tenants WHERE phase <> 'DELETED')"
                    + " LIMIT 1")) {
      rs.next();
      return Cursors.encode(rs.getString(1), rs.getString(2));
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private record Timed(long[] nanos, int items) {}

  private Timed time(String token, String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    String body = "";
    for (int i = 0; i < WARMUP; i++) {
      body = send(request);
    }
    long[] nanos = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      send(request);
      nanos[i] = System.nanoTime() - start;
    }
    return new Timed(nanos, count(body, "\"slug\""));
  }

  private String send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + ": " + response.statusCode());
    }
    return response.body();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** The capacity aggregate itself, as the gauges' refresh runs it (no HTTP). */
  private Timed recomputes() {
    for (int i = 0; i < 5; i++) {
      capacity.refresh().await().indefinitely();
    }
    long[] nanos = new long[RELAY_ROUNDS];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      capacity.refresh().await().indefinitely();
      nanos[i] = System.nanoTime() - start;
    }
    return new Timed(nanos, 0);
  }

  /** Rounds of {@value #RELAY_BATCH} new commands each, the insert not timed. */
  private Timed relayRounds(RelayRoundProbe relay) throws Exception {
    long[] nanos = new long[RELAY_ROUNDS];
    for (int r = -5; r < RELAY_ROUNDS; r++) {
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate(PENDING);
      }
      long start = System.nanoTime();
      int sent = relay.run();
      if (r >= 0) {
        nanos[r] = System.nanoTime() - start;
      }
      if (sent != RELAY_BATCH) {
        throw new IllegalStateException("relay round sent " + sent + " of " + RELAY_BATCH);
      }
    }
    return new Timed(nanos, RELAY_BATCH);
  }

  /** New RECONCILE commands for 100 random live tenants: operation and pending outbox row. */
  private static final String PENDING =
      "WITH t AS (SELECT id FROM tenants WHERE phase <> 'DELETED' ORDER BY random() LIMIT "
          + RELAY_BATCH
          + "), op AS (INSERT INTO operations (id, tenant_id, type, generation)"
          + " SELECT gen_random_uuid(), id, 'RECONCILE', 1 FROM t RETURNING id, tenant_id)"
          + " INSERT INTO outbox (operation_id, group_id, body)"
          + " SELECT id, tenant_id::text, '{\"v\":1}' FROM op";

  /** Printed as measured, so a run cut short still shows what it measured. */
  private static String printed(String row) {
    System.out.println("row " + row);
    return row;
  }

  private static String row(int size, String name, Timed t) {
    long[] sorted = t.nanos().clone();
    Arrays.sort(sorted);
    return "| %,d | %s | %.1f | %.1f | %.1f | %d |"
        .formatted(
            size,
            name,
            sorted[sorted.length / 2] / 1e6,
            Percentiles.of(sorted, 0.99) / 1e6,
            sorted[sorted.length - 1] / 1e6,
            t.items());
  }

  private static List<Integer> sizes() {
    return Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
        .map(String::trim)
        .map(Integer::parseInt)
        .toList();
  }
}
