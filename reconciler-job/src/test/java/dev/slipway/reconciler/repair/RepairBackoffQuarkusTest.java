package dev.slipway.reconciler.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.Worker;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-tenant repair back-off, kept in table repair_backoff: a first drift is repaired on the
 * first pass; a drift that is back after a repair waits 2 min, then 4 min, ... (the defaults);
 * after a quiet period the tenant starts afresh. Time passes by moving repaired_at back, and each
 * pass reads the state from the database, as a restarted job would.
 */
@QuarkusTest
class RepairBackoffQuarkusTest {
  @Inject ReconcilePass pass;

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject ReconcilerConfig config;
  @Inject FleetConfig fleetConfig;
  @Inject MeterRegistry registry;
  Fleet fleet;
  Worker worker;
  PassMode repair;

  @BeforeEach
  void setUp() {
    fleet = new Fleet(pool, KubeEmulatorTestResource.adminClient(), fleetConfig);
    worker = new Worker(fleet);
    repair = PassMode.of(config).withReportOnly(false).withPrune(false);
  }

  @Test
  void aDriftThatKeepsComingBackWaitsTwiceAsLongEachTime() {
    // Its objects never appear: the drift is "back" after every repair, as with a webhook that
    // keeps undoing Slipway's change.
    TenantSpec tenant =
        fleet.insert(Fleet.spec(Fleet.slug("fight"), DesiredState.RUNNING, false), Phase.RUNNING);

    pass.run(repair);
    assertEquals(1, worker.openReconciles(tenant.id()), "first drift: repaired at once");
    assertEquals("1", backoff(tenant));

    finishOperations(tenant);
    PassResult soon = pass.run(repair);
    assertEquals(0, worker.openReconciles(tenant.id()), "back at once: waits 2 minutes");
    assertTrue(soon.repairs().deferred() >= 1);
    assertTrue(waiting() >= 1, "the tenant shows in the back-off gauge");

    age(tenant, 121);
    pass.run(repair);
    assertEquals(1, worker.openReconciles(tenant.id()), "2 minutes later: repaired");
    assertEquals("2", backoff(tenant));

    finishOperations(tenant);
    age(tenant, 180);
    pass.run(repair);
    assertEquals(0, worker.openReconciles(tenant.id()), "second time: waits 4 minutes");

    age(tenant, 61);
    pass.run(repair);
    assertEquals(1, worker.openReconciles(tenant.id()), "4 minutes after: repaired");
    assertEquals("3", backoff(tenant));
  }

  @Test
  void aTenantQuietLongEnoughStartsAfresh() {
    TenantSpec tenant =
        fleet.insert(Fleet.spec(Fleet.slug("quiet"), DesiredState.RUNNING, false), Phase.RUNNING);
    fleet.execute(
        "INSERT INTO repair_backoff (tenant_id, repairs, repaired_at)"
            + " VALUES ($1, 6, now() - interval '1 day')",
        tenant.id());

    pass.run(repair);

    assertEquals(1, worker.openReconciles(tenant.id()), "repaired on the first pass");
    assertEquals("1", backoff(tenant), "and counted from one again");
  }

  @Test
  void aTenantRepairedLatelyIsNotRepairedAgainYet() {
    TenantSpec tenant =
        fleet.insert(Fleet.spec(Fleet.slug("lately"), DesiredState.RUNNING, false), Phase.RUNNING);
    fleet.execute(
        "INSERT INTO repair_backoff (tenant_id, repairs, repaired_at) VALUES ($1, 1, now())",
        tenant.id());

    PassResult result = pass.run(repair);

    assertTrue(result.report().of(tenant.id().toString()).isPresent(), "still drifted");
    assertEquals(0, worker.openReconciles(tenant.id()), "but within its back-off");
    assertTrue(result.repairs().deferred() >= 1);
  }

  private String backoff(TenantSpec tenant) {
    return fleet.text("SELECT repairs::text FROM repair_backoff WHERE tenant_id = $1", tenant.id());
  }

  /** As if {@code seconds} had passed since the last repair. */
  private void age(TenantSpec tenant, int seconds) {
    fleet.execute(
        "UPDATE repair_backoff SET repaired_at = repaired_at - make_interval(secs => $2)"
            + " WHERE tenant_id = $1",
        tenant.id(),
        (double) seconds);
  }

  private void finishOperations(TenantSpec tenant) {
    fleet.execute(
        "UPDATE operations SET status = 'SUCCEEDED', finished_at = now()"
            + " WHERE tenant_id = $1 AND status IN ('QUEUED', 'RUNNING')",
        tenant.id());
  }

  private double waiting() {
    return registry.get(MetricNames.RECONCILE_REPAIRS_BACKOFF).gauge().value();
  }
}
