package dev.slipway.reconciler.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.Worker;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.diff.DriftClass;
import dev.slipway.reconciler.diff.Orphan;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orphans, stuck operations, and what each mode (report-only, repair, prune, budget) may do. */
@QuarkusTest
class RepairModesQuarkusTest {
  @Inject ReconcilePass pass;

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject ReconcilerConfig config;
  @Inject FleetConfig fleetConfig;
  Fleet fleet;
  Worker worker;
  PassMode repair;

  @BeforeEach
  void setUp() {
    fleet = new Fleet(pool, kube, fleetConfig);
    worker = new Worker(fleet);
    repair = PassMode.of(config).withReportOnly(false).withPrune(false);
  }

  @Test
  void orphansAreReportedAndPrunedOnlyWhenPruning() {
    TenantSpec noRow = Fleet.spec(Fleet.slug("norow"), DesiredState.RUNNING, false);
    fleet.converge(noRow);

    PassResult reported = pass.run(repair);
    // Not the Secret: the reconciler's Role reads no Secrets (ClusterScanner).
    assertEquals(3, orphansOf(reported, noRow), "Deployment, Service, Ingress");
    assertNotNull(kube.apps().deployments().withName(noRow.slug()).get(), "not pruned");

    PassResult pruned = pass.run(repair.withPrune(true));
    assertTrue(pruned.repairs().pruned() >= 3, pruned.repairs().toString());
    assertNull(kube.apps().deployments().withName(noRow.slug()).get());
    assertEquals(0, orphansOf(pass.run(repair), noRow));
  }

  /**
   * Regression: an apply that reached the API server after the tenant's delete (a slow request the
   * worker had given up on) left a deleted tenant's objects running; as orphans they were only
   * reported, pruning being off by default.
   */
  @Test
  void aDeletedTenantsLeftoversGetAReconcileWithoutPruning() throws Exception {
    TenantSpec deleted =
        fleet.insert(Fleet.spec(Fleet.slug("deleted"), DesiredState.DELETED, false), Phase.DELETED);
    fleet.converge(
        new TenantSpec(
            deleted.id(),
            deleted.slug(),
            1,
            DesiredState.RUNNING,
            deleted.sizing(),
            null,
            deleted.gatewayConfig(),
            "x"));

    PassResult reported = pass.run(repair);
    assertEquals(3, orphansOf(reported, deleted), "a DELETED tenant's objects are orphans");
    worker.assertOneReconcileQueued(deleted);

    worker.process(deleted);
    assertNull(kube.secrets().withName(deleted.slug()).get());
    assertEquals(0, orphansOf(pass.run(repair), deleted));
  }

  @Test
  void stuckOperationIsSupersededAndReEnqueued() throws Exception {
    TenantSpec tenant =
        fleet.insert(Fleet.spec(Fleet.slug("stuck"), DesiredState.RUNNING, false), Phase.PENDING);
    UUID lost = queuedLongAgo(tenant);

    PassResult first = pass.run(repair);
    assertTrue(first.report().stuck().stream().anyMatch(op -> op.id().equals(lost)));
    assertEquals("SUPERSEDED", fleet.text("SELECT status FROM operations WHERE id = $1", lost));
    worker.assertOneReconcileQueued(tenant);

    worker.process(tenant);
    PassResult next = pass.run(repair);
    assertTrue(next.report().stuck().stream().noneMatch(op -> op.tenantId().equals(tenant.id())));
  }

  /** Regression: one RECONCILE per stuck operation made a backlog grow every pass. */
  @Test
  void aTenantsStuckOperationsAreReplacedByOneReconcile() throws Exception {
    TenantSpec tenant =
        fleet.insert(Fleet.spec(Fleet.slug("stuck3"), DesiredState.RUNNING, false), Phase.PENDING);
    List<UUID> lost = List.of(queuedLongAgo(tenant), queuedLongAgo(tenant), queuedLongAgo(tenant));

    PassResult result = pass.run(repair);

    for (UUID op : lost) {
      assertEquals("SUPERSEDED", fleet.text("SELECT status FROM operations WHERE id = $1", op));
    }
    worker.assertOneReconcileQueued(tenant);
    assertEquals(1, result.repairs().enqueued());
  }

  /** The younger operation's command, queued behind the stuck one, converges the tenant. */
  @Test
  void aStuckOperationBehindAYoungerOneIsSupersededWithoutAReconcile() {
    TenantSpec tenant =
        fleet.insert(Fleet.spec(Fleet.slug("behind"), DesiredState.RUNNING, false), Phase.PENDING);
    UUID lost = queuedLongAgo(tenant);
    UUID young = UUID.randomUUID();
    fleet.execute(
        "INSERT INTO operations (id, tenant_id, type, generation) VALUES ($1, $2, 'STOP', 1)",
        young,
        tenant.id());

    pass.run(repair);

    assertEquals("SUPERSEDED", fleet.text("SELECT status FROM operations WHERE id = $1", lost));
    assertEquals("QUEUED", fleet.text("SELECT status FROM operations WHERE id = $1", young));
    assertEquals(0, worker.openReconciles(tenant.id()));
  }

  @Test
  void reportOnlyChangesNothing() {
    TenantSpec orphan = Fleet.spec(Fleet.slug("ro-orphan"), DesiredState.RUNNING, false);
    fleet.converge(orphan);
    TenantSpec missing =
        fleet.insert(
            Fleet.spec(Fleet.slug("ro-missing"), DesiredState.RUNNING, false), Phase.RUNNING);
    TenantSpec stuck =
        fleet.insert(
            Fleet.spec(Fleet.slug("ro-stuck"), DesiredState.RUNNING, false), Phase.PENDING);
    UUID lost = queuedLongAgo(stuck);

    PassResult result = pass.run(repair.withReportOnly(true).withPrune(true));

    assertTrue(
        result
            .report()
            .of(missing.id().toString())
            .orElseThrow()
            .classes()
            .contains(DriftClass.MISSING));
    assertEquals(3, orphansOf(result, orphan)); // Deployment, Service, Ingress
    assertEquals(RepairSummary.NONE, result.repairs());
    assertEquals(0, worker.openReconciles(missing.id()));
    assertEquals("QUEUED", fleet.text("SELECT status FROM operations WHERE id = $1", lost));
    assertNotNull(kube.apps().deployments().withName(orphan.slug()).get());
    assertEquals(
        "REPORT_ONLY", fleet.text("SELECT mode FROM reconcile_runs WHERE id = $1", result.runId()));
  }

  @Test
  void repairsPerPassAreCapped() {
    for (int i = 0; i < 3; i++) {
      fleet.insert(Fleet.spec(Fleet.slug("cap"), DesiredState.RUNNING, false), Phase.RUNNING);
    }
    PassResult result = pass.run(repair.withMaxRepairs(1));
    assertEquals(1, result.repairs().enqueued());
    assertTrue(result.repairs().deferred() >= 2, result.repairs().toString());
  }

  private UUID queuedLongAgo(TenantSpec tenant) {
    UUID id = UUID.randomUUID();
    fleet.execute(
        "INSERT INTO operations (id, tenant_id, type, generation, queued_at)"
            + " VALUES ($1, $2, 'CREATE', 1, now() - interval '1 hour')",
        id,
        tenant.id());
    fleet.execute(
        "INSERT INTO outbox (operation_id, group_id, body, sent_at) VALUES ($1, $2, '{}', now())",
        id,
        tenant.id().toString());
    return id;
  }

  private static int orphansOf(PassResult result, TenantSpec tenant) {
    return (int)
        result.report().orphans().stream()
            .map(Orphan::tenantId)
            .filter(tenant.id().toString()::equals)
            .count();
  }
}
