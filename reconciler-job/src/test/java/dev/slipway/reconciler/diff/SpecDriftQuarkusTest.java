package dev.slipway.reconciler.diff;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.RequestTally;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.Worker;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Missing objects and spec drift, made by hand in the emulator as an operator with kubectl would:
 * each is detected and classified, repaired by a RECONCILE in the outbox, and gone on the next pass
 * once the worker (played by the test) applied the tenant.
 */
@QuarkusTest
class SpecDriftQuarkusTest {
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
  void tenantInSyncHasNoDrift() {
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("sync"), DesiredState.RUNNING, false));
    assertTrue(pass.run().report().of(tenant.id().toString()).isEmpty());
  }

  @Test
  void deletedDeploymentIsMissingAndRepaired() throws Exception {
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("gone"), DesiredState.RUNNING, false));
    kube.apps().deployments().withName(tenant.slug()).delete();
    await().until(() -> kube.apps().deployments().withName(tenant.slug()).get() == null);

    detectedRepairedAndGone(tenant, DriftClass.MISSING, "missing:Deployment");
  }

  @Test
  void deploymentScaledByHandIsSpecDrift() throws Exception {
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("scaled"), DesiredState.RUNNING, false));
    kube.apps().deployments().withName(tenant.slug()).scale(3);
    fleet.awaitPodsSettled(tenant);

    detectedRepairedAndGone(tenant, DriftClass.SPEC, "spec:deployment.replicas");
  }

  @Test
  void changedImageIsSpecDrift() throws Exception {
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("image"), DesiredState.RUNNING, false));
    editDeployment(
        tenant,
        d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest"));
    fleet.awaitPodsSettled(tenant);

    detectedRepairedAndGone(tenant, DriftClass.SPEC, "spec:deployment.image");
  }

  @Test
  void deploymentLeftAtAnEarlierGenerationIsSpecDrift() throws Exception {
    // What a late apply of an earlier generation leaves: the same content, an older generation
    // (found by ConvergenceIT with Kubernetes writes delayed past the worker's request timeout).
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("late"), DesiredState.RUNNING, false));
    editDeployment(
        tenant,
        d ->
            d.getMetadata()
                .getAnnotations()
                .put(
                    GatewayDefaults.ANNOTATION_GENERATION, Long.toString(tenant.generation() - 1)));

    detectedRepairedAndGone(tenant, DriftClass.SPEC, "spec:deployment.generation");
  }

  /**
   * The reconciler's Role grants no Secret read, and it needs none: a pass never asks for a Secret
   * (the token is compared through the pod template's token hash, see ComparedFieldsDiffTest's
   * deployment.token-hash).
   */
  @Test
  void aPassNeverReadsSecrets() throws Exception {
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("token"), DesiredState.RUNNING, false));
    try (RequestTally secrets = KubeEmulatorTestResource.emulator().tally("*", "/secrets")) {
      PassResult result = pass.run();
      assertTrue(result.report().of(tenant.id().toString()).isEmpty(), result.toString());
      assertEquals(0, secrets.count(), "requests for Secrets");
    }
  }

  @Test
  void replicasOwnedByTheAutoscalerAreNotDriftButItsBoundsAre() throws Exception {
    TenantSpec tenant = converged(Fleet.spec(Fleet.slug("hpa"), DesiredState.RUNNING, true));
    kube.apps().deployments().withName(tenant.slug()).scale(4);
    fleet.awaitPodsSettled(tenant);
    assertTrue(pass.run().report().of(tenant.id().toString()).isEmpty(), "the HPA owns replicas");

    kube.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .withName(tenant.slug())
        .edit(
            h -> {
              h.getSpec().setMaxReplicas(40);
              return h;
            });
    detectedRepairedAndGone(tenant, DriftClass.SPEC, "spec:hpa.bounds");
  }

  private TenantDrift detectedRepairedAndGone(TenantSpec tenant, DriftClass expected, String reason)
      throws Exception {
    PassResult first = pass.run();
    TenantDrift drift = first.report().of(tenant.id().toString()).orElseThrow();
    assertTrue(drift.classes().contains(expected), drift.toString());
    assertTrue(drift.reasons().contains(reason), drift.toString());
    worker.assertOneReconcileQueued(tenant);

    worker.process(tenant);
    fleet.awaitPodsSettled(tenant);
    assertEquals(List.of(), reasons(pass.run(), tenant), "no drift once the worker applied");
    return drift;
  }

  private static List<String> reasons(PassResult result, TenantSpec tenant) {
    return result.report().of(tenant.id().toString()).map(TenantDrift::reasons).orElse(List.of());
  }

  private TenantSpec converged(TenantSpec spec) {
    fleet.insert(spec, Phase.RUNNING);
    fleet.converge(spec);
    fleet.awaitPodsSettled(spec);
    return spec;
  }

  private void editDeployment(TenantSpec tenant, Consumer<Deployment> change) {
    kube.apps()
        .deployments()
        .withName(tenant.slug())
        .edit(
            d -> {
              change.accept(d);
              return d;
            });
  }
}
