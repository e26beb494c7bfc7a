package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Three commands each for two tenants, sent interleaved, every Deployment apply slowed down by the
 * emulator: one tenant's commands run one after the other in the order sent, while the two tenants
 * run at the same time. Proven from the operations' own started/finished timestamps.
 */
@QuarkusTest
class OrderingQuarkusTest {
  private static final Duration SLOW_APPLY = Duration.ofMillis(600);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject QueueConsumer consumer;
  TestTenants data;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
  }

  @AfterEach
  void clearFaults() {
    KubeEmulatorTestResource.emulator().faults().clear();
    consumer.start();
  }

  @Test
  void oneTenantInOrderTwoTenantsInParallel() {
    Tenant a = new Tenant(TestTenants.uniqueSlug("order-a"));
    Tenant b = new Tenant(TestTenants.uniqueSlug("order-b"));
    for (String state : List.of("RUNNING", "STOPPED", "RUNNING")) {
      a.queue(state);
      b.queue(state);
    }
    consumer.stop();
    for (int i = 0; i < 3; i++) {
      a.sendNext();
      b.sendNext();
    }
    consumer.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> a.finished() && b.finished());
    a.assertRanOneAfterAnotherInOrder();
    b.assertRanOneAfterAnotherInOrder();
    assertTrue(a.overlaps(b), "the two tenants were processed at the same time");
    for (Tenant t : List.of(a, b)) {
      var deployment =
          kube.apps()
              .deployments()
              .inNamespace(fleet.checkedNamespaces().get(0))
              .withName(t.slug)
              .get();
      assertEquals(1, deployment.getSpec().getReplicas(), "converged on the last command");
      assertEquals("3", deployment.getMetadata().getAnnotations().get("slipway.dev/generation"));
      assertEquals("SUCCEEDED", data.operationStatus(t.ops.get(2)));
    }
  }

  private final class Tenant {
    final String slug;
    final UUID id;
    final List<UUID> ops = new ArrayList<>();
    final List<Long> generations = new ArrayList<>();
    int sent;

    Tenant(String slug) {
      this.slug = slug;
      this.id = data.insertTenant(slug);
      KubeEmulatorTestResource.emulator()
          .faults()
          .delay("PATCH", "/deployments/" + slug, SLOW_APPLY, 3);
    }

    /** What the API does for a change: bump the generation, record an operation. */
    void queue(String state) {
      long generation = ops.isEmpty() ? 1 : data.setDesiredState(id, state);
      OperationType type = ops.isEmpty() ? OperationType.CREATE : OperationType.UPDATE;
      ops.add(data.insertOperation(id, type, generation));
      generations.add(generation);
    }

    void sendNext() {
      UUID op = ops.get(sent);
      OperationType type = sent == 0 ? OperationType.CREATE : OperationType.UPDATE;
      data.send(data.command(op, type, id, slug, generations.get(sent)), op.toString());
      sent++;
    }

    boolean finished() {
      return ops.stream().allMatch(op -> data.timings(op)[1] != null);
    }

    void assertRanOneAfterAnotherInOrder() {
      for (int i = 1; i < ops.size(); i++) {
        Instant previousEnd = data.timings(ops.get(i - 1))[1];
        Instant start = data.timings(ops.get(i))[0];
        assertFalse(start.isBefore(previousEnd), slug + " command " + i + " started too early");
      }
    }

    boolean overlaps(Tenant other) {
      for (UUID mine : ops) {
        for (UUID theirs : other.ops) {
          Instant[] m = data.timings(mine);
          Instant[] t = data.timings(theirs);
          if (m[0].isBefore(t[1]) && t[0].isBefore(m[1])) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
