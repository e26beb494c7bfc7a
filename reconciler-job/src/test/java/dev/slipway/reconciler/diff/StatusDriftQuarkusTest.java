package dev.slipway.reconciler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.Worker;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database phase against the pods. The emulator runs no kubelet, so the test plays it and
 * writes pod status the way a failing container would show.
 */
@QuarkusTest
class StatusDriftQuarkusTest {
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
  void runningWithNoReadyPodIsRecordedDegradedAndReconciled() throws Exception {
    TenantSpec tenant = running("unready", Phase.RUNNING);
    editPods(tenant, pod -> ready(pod, false));

    TenantDrift drift = detected(tenant, "NoReadyPods");
    assertEquals(Phase.DEGRADED.name(), phase(tenant));
    assertTrue(conditions(tenant).contains("NoReadyPods"), conditions(tenant));
    worker.assertOneReconcileQueued(tenant);
    assertTrue(drift.needsReconcile());

    worker.process(tenant);
    assertTrue(pass.run().report().of(tenant.id().toString()).isEmpty(), "consistent now");
  }

  @Test
  void crashLoopingPodsAreRecordedDegraded() throws Exception {
    TenantSpec tenant = running("crashing", Phase.RUNNING);
    editPods(
        tenant,
        pod -> {
          ready(pod, false);
          var container = pod.getStatus().getContainerStatuses().get(0);
          container.setRestartCount(7);
          container.setState(
              new ContainerStateBuilder()
                  .withNewWaiting()
                  .withReason("CrashLoopBackOff")
                  .endWaiting()
                  .build());
        });

    detected(tenant, "CrashLoopBackOff");
    assertEquals(Phase.DEGRADED.name(), phase(tenant));
    worker.assertOneReconcileQueued(tenant);

    worker.process(tenant);
    assertTrue(pass.run().report().of(tenant.id().toString()).isEmpty(), "consistent now");
  }

  @Test
  void readyPodsOfATenantStillProvisioningAreRecordedRunning() {
    TenantSpec tenant = running("late", Phase.PROVISIONING);

    detected(tenant, "Running");
    assertEquals(Phase.RUNNING.name(), phase(tenant));
    assertTrue(conditions(tenant).contains("\"status\": \"True\""), conditions(tenant));
    assertEquals(0, worker.openReconciles(tenant.id()), "only the status was wrong");

    assertTrue(pass.run().report().of(tenant.id().toString()).isEmpty(), "consistent now");
  }

  @Test
  void aStoppedTenantWithNoPodLeftStillReadingRunningIsRecordedStopped() {
    // The watcher's write of STOPPED was lost: the pods are gone, the row still says RUNNING.
    TenantSpec tenant = Fleet.spec(Fleet.slug("halted"), DesiredState.STOPPED, false);
    fleet.insert(tenant, Phase.RUNNING);
    fleet.converge(tenant);
    fleet.awaitPodsSettled(tenant);

    detected(tenant, "Stopped");
    assertEquals(Phase.STOPPED.name(), phase(tenant));
    assertEquals(
        "0", fleet.text("SELECT ready_replicas::text FROM tenants WHERE id = $1", tenant.id()));
    assertEquals(0, worker.openReconciles(tenant.id()), "only the status was wrong");
    assertTrue(pass.run().report().of(tenant.id().toString()).isEmpty(), "consistent now");
  }

  @Test
  void aStoppedTenantWhosePodsRemainIsNotRecordedStopped() {
    TenantSpec tenant = running("winding", Phase.RUNNING);
    fleet.execute("UPDATE tenants SET desired_state = 'STOPPED' WHERE id = $1", tenant.id());

    TenantDrift drift = pass.run().report().of(tenant.id().toString()).orElseThrow();
    assertEquals(null, drift.statusFix(), drift.toString());
    assertEquals(Phase.RUNNING.name(), phase(tenant));
  }

  private TenantDrift detected(TenantSpec tenant, String reason) {
    TenantDrift drift = pass.run().report().of(tenant.id().toString()).orElseThrow();
    assertEquals(java.util.Set.of(DriftClass.STATUS), drift.classes(), drift.toString());
    assertEquals(reason, drift.statusFix().reason());
    return drift;
  }

  private TenantSpec running(String prefix, Phase phase) {
    TenantSpec spec = Fleet.spec(Fleet.slug(prefix), DesiredState.RUNNING, false);
    fleet.insert(spec, phase);
    fleet.converge(spec);
    fleet.awaitPodsSettled(spec);
    return spec;
  }

  private void editPods(TenantSpec tenant, Consumer<Pod> change) {
    for (Pod pod : kube.pods().withLabel("tenant", tenant.slug()).list().getItems()) {
      kube.pods()
          .withName(pod.getMetadata().getName())
          .editStatus(
              p -> {
                change.accept(p);
                return p;
              });
    }
  }

  private static void ready(Pod pod, boolean ready) {
    String value = ready ? "True" : "False";
    pod.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Ready") || c.getType().equals("ContainersReady"))
        .forEach(c -> c.setStatus(value));
    pod.getStatus().getContainerStatuses().forEach(c -> c.setReady(ready));
  }

  private String phase(TenantSpec tenant) {
    return fleet.text("SELECT phase FROM tenants WHERE id = $1", tenant.id());
  }

  private String conditions(TenantSpec tenant) {
    return fleet.text("SELECT conditions::text FROM tenants WHERE id = $1", tenant.id());
  }
}
