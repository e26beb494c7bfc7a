package dev.slipway.reconciler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The lock, the run record, the metrics and the Pushgateway push of a pass. */
@QuarkusTest
class PassRunQuarkusTest {
  @Inject ReconcilePass pass;

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject ReconcilerConfig config;
  @Inject FleetConfig fleetConfig;
  @Inject MeterRegistry registry;
  @Inject Pushgateway pushgateway;

  @Test
  void aSecondPassExitsCleanlyWhileAnotherHoldsTheLock() {
    var connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
    try {
      lock(connection, "pg_advisory_lock");
      long runsBefore = runs();
      PassResult skipped = pass.run();
      assertTrue(skipped.wasSkipped());
      assertEquals(runsBefore, runs(), "a skipped pass records no run");
    } finally {
      lock(connection, "pg_advisory_unlock");
      connection.closeAndAwait();
    }
    assertFalse(pass.run().wasSkipped(), "the lock is free again");
  }

  @Test
  void aTenantWrittenWhileThePassRanIsJudgedByTheNextPass() {
    Fleet fleet = new Fleet(pool, kube, fleetConfig);
    // Recorded, but nothing of it in the cluster: missing, unless its row changed during the pass.
    String id =
        fleet
            .insert(Fleet.spec(Fleet.slug("racing"), DesiredState.RUNNING, false), Phase.RUNNING)
            .id()
            .toString();
    // As if the worker recorded an apply after the pass had begun (its objects then came after
    // they were listed): the row's time is ahead of the pass's start.
    fleet.execute(
        "UPDATE tenants SET status_updated_at = now() + interval '1 hour' WHERE id = $1",
        java.util.UUID.fromString(id));
    PassResult during = pass.run(PassMode.of(config).withReportOnly(true));
    assertTrue(during.report().of(id).isEmpty(), "not judged against a listing older than it");

    fleet.execute(
        "UPDATE tenants SET status_updated_at = now() - interval '1 second' WHERE id = $1",
        java.util.UUID.fromString(id));
    PassResult after = pass.run(PassMode.of(config).withReportOnly(true));
    assertEquals(
        "[MISSING]", after.report().of(id).orElseThrow().classes().toString(), "the next pass");
  }

  @Test
  void eachPassRecordsItsRunAndMetrics() {
    Fleet fleet = new Fleet(pool, kube, fleetConfig);
    fleet.insert(Fleet.spec(Fleet.slug("summary"), DesiredState.RUNNING, false), Phase.RUNNING);

    PassResult result = pass.run();

    String row =
        fleet.text(
            "SELECT outcome || ' ' || mode || ' ' || (finished_at >= started_at) || ' '"
                + " || (missing >= 1) || ' ' || (api_calls = $2) FROM reconcile_runs WHERE id = $1",
            result.runId(),
            result.apiCalls());
    assertEquals("SUCCEEDED REPAIR true true true", row);
    assertTrue(result.apiCalls() >= 6, "one LIST per kind at least");
    assertTrue(
        registry
                .get(MetricNames.RECONCILE_DRIFT)
                .tag(MetricNames.TAG_KIND, "missing")
                .gauge()
                .value()
            >= 1);
    assertTrue(registry.get(MetricNames.RECONCILE_LAST_SUCCESS).gauge().value() > 0);
    assertTrue(registry.get(MetricNames.RECONCILE_PASS_DURATION).timer().count() >= 1);
  }

  @Test
  void metricsArePushedAsTextExposition() throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics/job/slipway-reconciler",
        exchange -> {
          if ("PUT".equals(exchange.getRequestMethod())) {
            received.set(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      pass.run();
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertEquals(200, pushgateway.push(url, "slipway-reconciler"));
      assertTrue(received.get().contains("slipway_reconciler_last_success"), received.get());
    } finally {
      server.stop(0);
    }
  }

  private long runs() {
    return pool.query("SELECT count(*) FROM reconcile_runs")
        .execute()
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong(0);
  }

  private void lock(io.vertx.mutiny.sqlclient.SqlConnection connection, String function) {
    connection
        .preparedQuery("SELECT " + function + "($1)")
        .execute(Tuple.of(config.lockKey()))
        .await()
        .atMost(Duration.ofSeconds(10));
  }
}
