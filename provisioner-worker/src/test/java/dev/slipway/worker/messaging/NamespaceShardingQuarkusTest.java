package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.QueueProbe;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Namespace sharding (issue 10) at the worker: tenants spread over several namespaces are
 * provisioned (objects only in their own namespace, status from that namespace's informer), stopped
 * and removed; a tenant recorded in a namespace the worker does not serve is not applied anywhere.
 */
@QuarkusTest
class NamespaceShardingQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  TestTenants data;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
  }

  @Test
  void tenantsSpreadOverSeveralNamespacesAreProvisionedStoppedAndRemoved() {
    List<String> namespaces = fleet.checkedNamespaces();
    assertEquals(List.of("tenants", "tenants-2", "tenants-3"), namespaces);
    Map<String, UUID> tenants = new LinkedHashMap<>();
    Map<String, String> namespaceOf = new LinkedHashMap<>();
    for (String namespace : namespaces) {
      String slug = TestTenants.uniqueSlug("shard");
      tenants.put(slug, data.insertTenant(slug, namespace));
      namespaceOf.put(slug, namespace);
      send(slug, tenants.get(slug), OperationType.CREATE, 1);
    }

    tenants.forEach(
        (slug, id) -> {
          await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(id)));
          for (String namespace : namespaces) {
            boolean home = namespace.equals(namespaceOf.get(slug));
            objects(namespace, slug)
                .forEach(o -> assertEquals(home, o != null, slug + " in " + namespace));
          }
        });

    tenants.forEach(
        (slug, id) -> send(slug, id, OperationType.STOP, data.setDesiredState(id, "STOPPED")));
    tenants.forEach(
        (slug, id) -> {
          await().atMost(WAIT).until(() -> "STOPPED".equals(data.phase(id)));
          var deployment =
              kube.apps().deployments().inNamespace(namespaceOf.get(slug)).withName(slug).get();
          assertEquals(0, deployment.getSpec().getReplicas(), slug);
        });

    tenants.forEach(
        (slug, id) -> send(slug, id, OperationType.DELETE, data.setDesiredState(id, "DELETED")));
    tenants.forEach(
        (slug, id) -> {
          await().atMost(WAIT).until(() -> "DELETED".equals(data.phase(id)));
          objects(namespaceOf.get(slug), slug).forEach(o -> assertNull(o, "removed: " + slug));
        });
  }

  @Test
  void aTenantInANamespaceTheWorkerDoesNotServeIsRetriedNotApplied() {
    String slug = TestTenants.uniqueSlug("unserved");
    UUID tenant = data.insertTenant(slug, "elsewhere");
    UUID op = send(slug, tenant, OperationType.CREATE, 1);

    await()
        .atMost(WAIT)
        .until(() -> data.lastError(op).contains("'elsewhere' is not one of this worker's"));
    assertEquals("RUNNING", data.operationStatus(op), "transient: kept for a retry");
    assertEquals("PENDING", data.phase(tenant));
    for (String namespace : List.of("elsewhere", "tenants", "tenants-2", "tenants-3")) {
      objects(namespace, slug).forEach(o -> assertNull(o, slug + " in " + namespace));
    }
    // Retried until the worker dead-letters it (an operator replays it once the worker serves the
    // namespace); waited for, so no retry of it lands in another test's counts.
    QueueProbe dlq = new QueueProbe(sqs, config.dlqUrl());
    await().atMost(WAIT).until(() -> dlq.contains(op.toString()));
    assertEquals(3, data.attempts(op), "slipway.worker.retry.max-attempts");
  }

  private UUID send(String slug, UUID tenant, OperationType type, long generation) {
    UUID op = data.insertOperation(tenant, type, generation);
    data.send(data.command(op, type, tenant, slug, generation), op.toString());
    return op;
  }

  private List<HasMetadata> objects(String namespace, String slug) {
    return Arrays.asList(
        kube.secrets().inNamespace(namespace).withName(slug).get(),
        kube.apps().deployments().inNamespace(namespace).withName(slug).get(),
        kube.services().inNamespace(namespace).withName(slug).get(),
        kube.network().v1().ingresses().inNamespace(namespace).withName(slug).get());
  }
}
