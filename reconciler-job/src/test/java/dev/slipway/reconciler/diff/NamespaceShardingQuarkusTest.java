package dev.slipway.reconciler.diff;

import static org.awaitility.Awaitility.await;
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
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Namespace sharding (issue 10) at the reconciler: it lists every configured namespace, finds and
 * repairs drift in each, takes a tenant's objects in a namespace other than its row's for orphans,
 * and does not check a tenant recorded in a namespace it does not list.
 */
@QuarkusTest
class NamespaceShardingQuarkusTest {
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

  @BeforeEach
  void setUp() {
    fleet = new Fleet(pool, kube, fleetConfig);
    worker = new Worker(fleet);
  }

  @Test
  void driftInEveryNamespaceIsFoundAndRepaired() throws Exception {
    List<String> namespaces = fleetConfig.checkedNamespaces();
    assertEquals(List.of("tenants", "tenants-2", "tenants-3"), namespaces);
    TenantSpec first = converged("tenants");
    TenantSpec second = converged("tenants-2");
    TenantSpec third = converged("tenants-3");

    PassResult clean = pass.run();
    for (TenantSpec tenant : List.of(first, second, third)) {
      assertTrue(clean.report().of(tenant.id().toString()).isEmpty(), tenant.toString());
    }
    // Five kinds: no Secrets (ClusterScanner).
    assertTrue(clean.apiCalls() >= namespaces.size() * 5, "each kind listed in each namespace");

    kube.apps().deployments().inNamespace("tenants-2").withName(second.slug()).delete();
    await()
        .until(
            () ->
                kube.apps().deployments().inNamespace("tenants-2").withName(second.slug()).get()
                    == null);
    kube.apps().deployments().inNamespace("tenants-3").withName(third.slug()).scale(3);

    PassResult drifted = pass.run();
    assertEquals(
        List.of("missing:Deployment"),
        drifted.report().of(second.id().toString()).orElseThrow().reasons());
    assertTrue(
        drifted
            .report()
            .of(third.id().toString())
            .orElseThrow()
            .classes()
            .contains(DriftClass.SPEC));
    assertTrue(drifted.report().of(first.id().toString()).isEmpty());
    worker.assertOneReconcileQueued(second);
    worker.assertOneReconcileQueued(third);

    for (TenantSpec tenant : List.of(second, third)) {
      worker.process(tenant);
      fleet.awaitPodsSettled(tenant);
    }
    PassResult repaired = pass.run();
    for (TenantSpec tenant : List.of(first, second, third)) {
      assertTrue(repaired.report().of(tenant.id().toString()).isEmpty(), tenant.toString());
    }
  }

  @Test
  void objectsOutsideTheTenantsRecordedNamespaceAreOrphans() {
    TenantSpec tenant = converged("tenants-2");
    // A copy in another shard, e.g. restored there by hand: not the tenant's, whatever its labels.
    fleet.converge(tenant.inNamespace("tenants-3"));
    PassMode repair = PassMode.of(config).withReportOnly(false).withPrune(false);

    PassResult reported = pass.run(repair);
    List<Orphan> orphans = orphansOf(reported, tenant);
    assertEquals(3, orphans.size(), orphans.toString()); // no Secret: it is not listed
    orphans.forEach(o -> assertEquals("tenants-3", o.object().getMetadata().getNamespace()));
    assertTrue(
        orphans.get(0).toString().contains("/tenants-3/" + tenant.slug()), orphans.toString());
    assertTrue(reported.report().of(tenant.id().toString()).isEmpty(), "its own objects are fine");

    // Pruning needs delete, which deploy/k8s/overlays/dev grants the reconciler in `tenants` only
    // (the shards get the tenant-namespace template's read-only Role): grant it here the same way.
    Role pruning = kube.rbac().roles().inNamespace("tenants").withName("slipway-reconciler").get();
    Role shard = kube.rbac().roles().inNamespace("tenants-3").withName("slipway-reconciler").get();
    shard.setRules(pruning.getRules());
    kube.resource(shard).update();
    pass.run(repair.withPrune(true));
    assertNull(kube.apps().deployments().inNamespace("tenants-3").withName(tenant.slug()).get());
    assertNotNull(kube.apps().deployments().inNamespace("tenants-2").withName(tenant.slug()).get());
    assertEquals(List.of(), orphansOf(pass.run(repair), tenant));
  }

  @Test
  void aTenantInANamespaceNotListedIsNotCheckedButCountedAsAnError() {
    TenantSpec tenant =
        fleet.insert(
            Fleet.spec(Fleet.slug("unlisted"), DesiredState.RUNNING, false)
                .inNamespace("elsewhere"),
            Phase.RUNNING);
    try {
      PassResult result = pass.run();
      assertTrue(result.report().of(tenant.id().toString()).isEmpty(), "not taken as missing");
      assertTrue(result.repairs().errors() >= 1, result.repairs().toString());
      assertEquals(0, worker.openReconciles(tenant.id()));
    } finally {
      // Rows are shared by every test of the run: leave no error behind for other passes.
      fleet.execute("UPDATE tenants SET desired_state = 'DELETED' WHERE id = $1", tenant.id());
    }
  }

  private TenantSpec converged(String namespace) {
    TenantSpec spec =
        Fleet.spec(Fleet.slug("shard"), DesiredState.RUNNING, false).inNamespace(namespace);
    fleet.insert(spec, Phase.RUNNING);
    fleet.converge(spec);
    fleet.awaitPodsSettled(spec);
    return spec;
  }

  private static List<Orphan> orphansOf(PassResult result, TenantSpec tenant) {
    return result.report().orphans().stream()
        .filter(o -> tenant.id().toString().equals(o.tenantId()))
        .toList();
  }
}
