package dev.slipway.api.bench;

import dev.slipway.api.TestTokens;
import dev.slipway.api.http.Management;
import dev.slipway.local.bench.Load;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * P1 (issue 8): create-tenant through the API against the raw rate of the same transaction on the
 * same database, side by side in one run. Not a test (the name does not end in Test): run with
 * {@code -Dtest=EnqueueBenchmark}. Options: {@code -Dbench.concurrency=16 -Dbench.seconds=5
 * -Dbench.rounds=3}.
 */
@QuarkusTest
class EnqueueBenchmark {
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  @TestHTTPResource("/v1/tenants")
  URI tenants;

  @Test
  void apiAgainstRawTransaction() throws Exception {
    String token = TestTokens.admin();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Load.run(CONCURRENCY, Duration.ofSeconds(SECONDS), () -> create(http, token), 0); // warm-up
    List<Load.Result> api = new ArrayList<>();
    List<Load.Result> raw = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      raw.add(Load.run(CONCURRENCY, Duration.ofSeconds(SECONDS), rawTransaction(), 0));
      api.add(Load.run(CONCURRENCY, Duration.ofSeconds(SECONDS), () -> create(http, token), 0));
    }
    Load.Result apiMedian = Load.median(api);
    Load.Result rawMedian = Load.median(raw);
    double half = apiMedian.perSecond() / 2;
    Load.Result paced =
        Load.run(CONCURRENCY, Duration.ofSeconds(SECONDS), () -> create(http, token), half);
    System.out.printf(
        "%n| load | concurrency | requests/s | p50 ms | p99 ms | p99.9 ms |%n|---|---:|---:|---:|---:|---:|%n");
    System.out.println(rawMedian.row("raw transaction (JDBC, same inserts)", CONCURRENCY));
    System.out.println(apiMedian.row("API create-tenant", CONCURRENCY));
    System.out.println(paced.row("API at half its maximum rate", CONCURRENCY));
    System.out.printf(
        "API / raw = %.0f %% (medians of %d rounds of %d s)%n",
        100 * apiMedian.perSecond() / rawMedian.perSecond(), ROUNDS, SECONDS);
    if (Boolean.parseBoolean(System.getProperty("bench.breakdown", "true"))) {
      breakdown(http, token);
    }
  }

  /**
   * Where a create's time goes: the same client and concurrency on a request without the database
   * (plans: HTTP, JSON and the JWT check) and on one read, so the create's extra is the write.
   */
  private void breakdown(HttpClient http, String token) throws Exception {
    URI plans = tenants.resolve("/v1/plans");
    String slug = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    create(http, token, slug);
    URI one = tenants.resolve("/v1/tenants/" + slug);
    Duration time = Duration.ofSeconds(SECONDS);
    Load.Result plansResult = Load.run(CONCURRENCY, time, () -> get(http, token, plans), 0);
    Load.Result readResult = Load.run(CONCURRENCY, time, () -> get(http, token, one), 0);
    URI live = URI.create(Management.url("/q/health/live"));
    Load.Result liveResult = Load.run(CONCURRENCY, time, () -> get(http, token, live), 0);
    System.out.println(liveResult.row("GET /q/health/live (no token, no database)", CONCURRENCY));
    System.out.println(plansResult.row("API GET /v1/plans (no database)", CONCURRENCY));
    System.out.println(readResult.row("API GET /v1/tenants/{slug} (one read)", CONCURRENCY));
  }

  private static boolean get(HttpClient http, String token, URI uri) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  private boolean create(HttpClient http, String token) throws Exception {
    return create(
        http, token, "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
  }

  private boolean create(HttpClient http, String token, String slug) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(tenants)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\"}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
  }

  /** The API's create transaction without the API: tenant, operation and outbox rows. */
  private static Load.Work rawTransaction() {
    var config = ConfigProvider.getConfig();
    String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    String user = config.getValue("quarkus.datasource.username", String.class);
    String password = config.getValue("quarkus.datasource.password", String.class);
    ThreadLocal<Connection> connections =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection c = DriverManager.getConnection(url, user, password);
                c.setAutoCommit(false);
                return c;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    return () -> {
      Connection c = connections.get();
      UUID tenant = UUID.randomUUID();
      UUID operation = UUID.randomUUID();
      String slug = "r" + tenant.toString().replace("-", "").substring(0, 20);
      try (PreparedStatement t =
              c.prepareStatement(
                  "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token,"
                      + " generation, gateway_url) VALUES (?, ?, 'RUNNING', 1, ?, 1, ?)"
                      + " ON CONFLICT (slug) WHERE phase <> 'DELETED' DO NOTHING");
          PreparedStatement o =
              c.prepareStatement(
                  "INSERT INTO operations (id, tenant_id, type, generation)"
                      + " VALUES (?, ?, 'CREATE', 1)");
          PreparedStatement b =
              c.prepareStatement(
                  "INSERT INTO outbox (operation_id, group_id, body) VALUES (?, ?, ?)")) {
        t.setObject(1, tenant);
        t.setString(2, slug);
        t.setString(3, UUID.randomUUID().toString());
        t.setString(4, "wss://" + slug + ".example.com");
        t.executeUpdate();
        o.setObject(1, operation);
        o.setObject(2, tenant);
        o.executeUpdate();
        b.setObject(1, operation);
        b.setString(2, tenant.toString());
        b.setString(3, "{\"v\":1,\"commandId\":\"" + operation + "\"}");
        b.executeUpdate();
        c.commit();
      }
      return true;
    };
  }
}
