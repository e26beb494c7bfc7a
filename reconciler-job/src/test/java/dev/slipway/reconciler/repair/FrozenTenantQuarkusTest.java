package dev.slipway.reconciler.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.Worker;
import dev.slipway.reconciler.diff.DriftClass;
import dev.slipway.reconciler.diff.TenantDrift;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A frozen tenant (tenants.frozen_at, set by POST /v1/tenants/{slug}/freeze): the reconciler
 * reports its drift and counts it in the run record, but queues no RECONCILE; once unfrozen the
 * same drift is repaired.
 */
@QuarkusTest
class FrozenTenantQuarkusTest {
  @Inject ReconcilePass pass;

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject FleetConfig fleetConfig;
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  Fleet fleet;
  Worker worker;

  @BeforeEach
  void setUp() {
    fleet = new Fleet(pool, kube, fleetConfig);
    worker = new Worker(fleet);
  }

  @Test
  void driftOfAFrozenTenantIsReportedButNotRepairedUntilUnfrozen() throws Exception {
    TenantSpec tenant = Fleet.spec(Fleet.slug("frozen"), DesiredState.RUNNING, false);
    fleet.insert(tenant, Phase.RUNNING);
    fleet.converge(tenant);
    fleet.awaitPodsSettled(tenant);
    fleet.execute(
        "UPDATE tenants SET frozen_at = now(), frozen_by = 'admin', frozen_reason = 'incident 7'"
            + " WHERE id = $1",
        tenant.id());
    kube.apps().deployments().withName(tenant.slug()).scale(3);
    fleet.awaitPodsSettled(tenant);

    PassResult frozen = pass.run();
    TenantDrift drift = frozen.report().of(tenant.id().toString()).orElseThrow();
    assertTrue(drift.classes().contains(DriftClass.SPEC), drift.toString());
    assertEquals(0, worker.openReconciles(tenant.id()), "no RECONCILE for a frozen tenant");
    assertTrue(frozen.repairs().frozen() >= 1, frozen.repairs().toString());
    assertEquals(
        frozen.repairs().frozen(),
        fleet.count(
            "SELECT frozen_skipped::bigint FROM reconcile_runs WHERE id = $1", frozen.runId()),
        "the run record counts the frozen tenants left unrepaired");

    fleet.execute(
        "UPDATE tenants SET frozen_at = NULL, frozen_by = NULL, frozen_reason = NULL"
            + " WHERE id = $1",
        tenant.id());
    PassResult thawed = pass.run();
    assertTrue(thawed.report().of(tenant.id().toString()).isPresent(), "still drifted");
    worker.assertOneReconcileQueued(tenant);
  }
}
