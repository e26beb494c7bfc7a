package dev.slipway.worker.converge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.model.TenantJson;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Plans reach the cluster: sizing, pinned image, gateway config, the autoscaler and conditions. */
@QuarkusTest
class PlanApplyQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Sizing LARGE =
      new Sizing("large", 2, new Resources("500m", "1Gi", "1", "2Gi"), new Autoscaling(2, 10, 70));

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject MeterRegistry registry;
  TestTenants data;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
  }

  @Test
  void readyTenantHasAppliedAndReadyConditionsAndItsWaitIsMeasured() {
    String slug = TestTenants.uniqueSlug("cond");
    UUID tenant = data.insertTenant(slug);
    long before = readyLatencyCount();
    run(tenant, slug, OperationType.CREATE, 1);
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));
    assertTrue(hasCondition(tenant, "Applied", "True", "Applied"), data.conditions(tenant));
    await().atMost(WAIT).until(() -> hasCondition(tenant, "Ready", "True", "Running"));
    assertTrue(readyLatencyCount() > before, "queued-to-ready latency recorded");
  }

  @Test
  void autoscalingPlanGetsAnHpaWhileRunningAndLosesItWhenStopped() {
    String slug = TestTenants.uniqueSlug("hpa");
    UUID tenant = data.insertTenant(slug);
    GatewayConfig gateway = new GatewayConfig("acme-prod", 5000, 500, 1000, 20000);
    long generation =
        data.setSettings(tenant, TenantJson.write(LARGE), "1.4.2", TenantJson.write(gateway));
    run(tenant, slug, OperationType.UPDATE, generation);

    HorizontalPodAutoscaler hpa = hpa(slug);
    assertEquals(2, hpa.getSpec().getMinReplicas());
    // The emulated autoscaler raises the Deployment (rendered without replicas) to its minimum.
    await()
        .atMost(WAIT)
        .until(
            () ->
                "RUNNING".equals(data.phase(tenant))
                    && Integer.valueOf(2)
                        .equals(
                            kube.apps()
                                .deployments()
                                .inNamespace(ns())
                                .withName(slug)
                                .get()
                                .getStatus()
                                .getReadyReplicas()));
    assertEquals(10, hpa.getSpec().getMaxReplicas());
    var container =
        kube.apps()
            .deployments()
            .inNamespace(ns())
            .withName(slug)
            .get()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertTrue(container.getImage().endsWith(":1.4.2"), container.getImage());
    assertEquals("500m", container.getResources().getRequests().get("cpu").toString());
    assertTrue(
        container.getEnv().stream()
            .anyMatch(
                e ->
                    "GATEWAY_CONFIG_JSON".equals(e.getName())
                        && e.getValue().contains("acme-prod")));

    long stopped = data.setDesiredState(tenant, "STOPPED");
    run(tenant, slug, OperationType.STOP, stopped);
    assertNull(hpa(slug), "a stopped tenant has no autoscaler");
    assertEquals(
        0,
        kube.apps().deployments().inNamespace(ns()).withName(slug).get().getSpec().getReplicas());
  }

  @Test
  void movingToAFixedPlanRemovesTheHpa() {
    String slug = TestTenants.uniqueSlug("unhpa");
    UUID tenant = data.insertTenant(slug);
    GatewayConfig gateway = GatewayConfig.defaults(slug);
    long large = data.setSettings(tenant, TenantJson.write(LARGE), null, TenantJson.write(gateway));
    run(tenant, slug, OperationType.UPDATE, large);
    assertEquals(2, hpa(slug).getSpec().getMinReplicas());

    long small =
        data.setSettings(
            tenant, TenantJson.write(Sizing.seedDefault()), null, TenantJson.write(gateway));
    run(tenant, slug, OperationType.UPDATE, small);
    assertNull(hpa(slug));
    assertEquals(
        1,
        kube.apps().deployments().inNamespace(ns()).withName(slug).get().getSpec().getReplicas());
  }

  private void run(UUID tenant, String slug, OperationType type, long generation) {
    UUID op = data.insertOperation(tenant, type, generation);
    data.send(data.command(op, type, tenant, slug, generation), op.toString());
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
  }

  private boolean hasCondition(UUID tenant, String type, String status, String reason) {
    return TenantJson.conditions(data.conditions(tenant)).stream()
        .anyMatch(
            c ->
                c.type().equals(type)
                    && c.status().equals(status)
                    && c.reason().equals(reason)
                    && c.lastTransitionTime() != null);
  }

  private HorizontalPodAutoscaler hpa(String slug) {
    return kube.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns())
        .withName(slug)
        .get();
  }

  private long readyLatencyCount() {
    var timer = registry.find(MetricNames.TENANT_READY_LATENCY).timer();
    return timer == null ? 0 : timer.count();
  }

  private String ns() {
    return fleet.checkedNamespaces().get(0);
  }
}
