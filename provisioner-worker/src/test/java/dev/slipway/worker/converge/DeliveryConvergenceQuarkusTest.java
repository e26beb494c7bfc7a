package dev.slipway.worker.converge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.messaging.Outcome;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Deliveries out of order (the older command arrives last) and repeated (the same commands again
 * under new deduplication ids, as a relay re-send after SQS's 5-minute window would) converge on
 * the latest desired state, and the late or repeated ones change nothing in the cluster.
 */
@QuarkusTest
class DeliveryConvergenceQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

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

  @Test
  void lateAndRepeatedCommandsConvergeOnTheLatestState() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("converge");
    UUID tenant = data.insertTenant(slug);
    UUID create = data.insertOperation(tenant, OperationType.CREATE, 1);
    long stopGeneration = data.setDesiredState(tenant, "STOPPED");
    UUID stop = data.insertOperation(tenant, OperationType.STOP, stopGeneration);
    CommandEnvelope createCommand = data.command(create, OperationType.CREATE, tenant, slug, 1);
    CommandEnvelope stopCommand =
        data.command(stop, OperationType.STOP, tenant, slug, stopGeneration);

    // The newer command first, then the older one: out of order.
    data.send(stopCommand, stop.toString());
    data.send(createCommand, create.toString());
    await().atMost(WAIT).until(() -> "SUPERSEDED".equals(data.operationStatus(create)));
    assertEquals("SUCCEEDED", data.operationStatus(stop));
    await().atMost(WAIT).until(() -> "STOPPED".equals(data.phase(tenant)));
    Deployment converged = deployment(slug);
    assertStopped(converged);

    double alreadyDone = alreadyDone();
    data.send(stopCommand, stop + "-again");
    data.send(createCommand, create + "-again");
    await().atMost(WAIT).until(() -> alreadyDone() >= alreadyDone + 2);

    Deployment after = deployment(slug);
    assertStopped(after);
    assertEquals(
        converged.getMetadata().getGeneration(),
        after.getMetadata().getGeneration(),
        "no spec write by the repeated deliveries");
    assertEquals("STOPPED", data.phase(tenant));
    assertEquals(1, data.attempts(stop));
    assertEquals(1, data.attempts(create));
  }

  private void assertStopped(Deployment deployment) {
    assertEquals(0, deployment.getSpec().getReplicas());
    assertEquals("2", deployment.getMetadata().getAnnotations().get("slipway.dev/generation"));
  }

  private Deployment deployment(String slug) {
    return kube.apps()
        .deployments()
        .inNamespace(fleet.checkedNamespaces().get(0))
        .withName(slug)
        .get();
  }

  private double alreadyDone() {
    return registry
        .find(MetricNames.COMMANDS_PROCESSED)
        .tag(MetricNames.TAG_OUTCOME, Outcome.ALREADY_DONE)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
