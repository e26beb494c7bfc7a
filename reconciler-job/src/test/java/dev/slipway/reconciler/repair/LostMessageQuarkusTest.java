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
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A command published minutes ago whose operation is still open, while the command queue (the real
 * ElasticMQ) holds no message at all, lost its message: the pass re-enqueues it at once instead of
 * after stuck-after (15 minutes here). Operations younger than lost-after (2 minutes), unpublished
 * ones, and any while the queue holds a message keep waiting.
 */
@QuarkusTest
class LostMessageQuarkusTest {
  @Inject ReconcilePass pass;

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject ReconcilerConfig config;
  @Inject FleetConfig fleetConfig;
  @Inject SqsClient sqs;
  Fleet fleet;
  Worker worker;
  PassMode repair;

  @BeforeEach
  void setUp() {
    fleet = new Fleet(pool, kube, fleetConfig);
    worker = new Worker(fleet);
    repair = PassMode.of(config).withReportOnly(false).withPrune(false);
  }

  @AfterEach
  void emptyTheQueue() {
    String url = config.queue().url().orElseThrow();
    sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
        .messages()
        .forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
  }

  @Test
  void anOperationPublishedBeforeAnEmptyQueueIsReEnqueuedAtOnce() throws Exception {
    TenantSpec tenant = tenant("lost");
    UUID lost = operation(tenant, "5 minutes", "5 minutes");

    PassResult result = pass.run(repair);

    assertTrue(result.report().stuck().stream().anyMatch(op -> op.id().equals(lost)));
    assertTrue(result.report().lost() >= 1, "counted as lost: " + result.report().lost());
    assertEquals("SUPERSEDED", status(lost));
    worker.assertOneReconcileQueued(tenant);
  }

  @Test
  void operationsTooYoungOrUnpublishedWait() {
    TenantSpec tenant = tenant("young");
    UUID justSent = operation(tenant, "5 minutes", "1 second");
    TenantSpec other = tenant("unsent");
    UUID unsent = operation(other, "5 minutes", null);

    pass.run(repair);

    assertEquals("QUEUED", status(justSent));
    assertEquals("QUEUED", status(unsent));
    assertEquals(0, worker.openReconciles(tenant.id()));
    assertEquals(0, worker.openReconciles(other.id()));
  }

  @Test
  void whileTheQueueHoldsAMessageNothingCountsAsLost() {
    TenantSpec tenant = tenant("waiting");
    UUID waiting = operation(tenant, "5 minutes", "5 minutes");
    sqs.sendMessage(
        b ->
            b.queueUrl(config.queue().url().orElseThrow())
                .messageGroupId(UUID.randomUUID().toString())
                .messageDeduplicationId(UUID.randomUUID().toString())
                .messageBody("{}"));

    PassResult result = pass.run(repair);

    assertEquals(0, result.report().lost());
    assertEquals("QUEUED", status(waiting));
    assertEquals(0, worker.openReconciles(tenant.id()));
  }

  private TenantSpec tenant(String prefix) {
    return fleet.insert(Fleet.spec(Fleet.slug(prefix), DesiredState.RUNNING, false), Phase.PENDING);
  }

  /** An open CREATE queued {@code age} ago, its command sent {@code sentAgo} ago (null: unsent). */
  private UUID operation(TenantSpec tenant, String age, String sentAgo) {
    UUID id = UUID.randomUUID();
    fleet.execute(
        "INSERT INTO operations (id, tenant_id, type, generation, queued_at)"
            + " VALUES ($1, $2, 'CREATE', 1, now() - $3::text::interval)",
        id,
        tenant.id(),
        age);
    fleet.execute(
        "INSERT INTO outbox (operation_id, group_id, body, sent_at)"
            + " VALUES ($1, $2, '{}', now() - $3::text::interval)",
        id,
        tenant.id().toString(),
        sentAgo);
    return id;
  }

  private String status(UUID operation) {
    return fleet.text("SELECT status FROM operations WHERE id = $1", operation);
  }
}
