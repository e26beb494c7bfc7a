package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A slow apply (the emulator delays the Deployment's apply well past the queue's 2 s visibility
 * timeout) keeps its message invisible: a second consumer polling meanwhile gets nothing.
 */
@QuarkusTest
class HeartbeatQuarkusTest {
  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;

  @AfterEach
  void clearFaults() {
    KubeEmulatorTestResource.emulator().faults().clear();
  }

  @Test
  void slowApplyIsNotDeliveredTwice() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("slow");
    KubeEmulatorTestResource.emulator()
        .faults()
        .delay("PATCH", "/deployments/" + slug, Duration.ofSeconds(5), 1);
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
    await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(data.operationStatus(op)));

    // A second consumer, polling for longer than the visibility timeout while the apply waits.
    Instant until = Instant.now().plusSeconds(4);
    while (Instant.now().isBefore(until)) {
      for (Message stolen :
          sqs.receiveMessage(b -> b.queueUrl(config.queueUrl()).waitTimeSeconds(1)).messages()) {
        sqs.changeMessageVisibility(
            b ->
                b.queueUrl(config.queueUrl())
                    .receiptHandle(stolen.receiptHandle())
                    .visibilityTimeout(0));
        assertTrue(!stolen.body().contains(op.toString()), "the in-flight message was redelivered");
      }
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    assertEquals(1, data.attempts(op), "processed once");
  }
}
