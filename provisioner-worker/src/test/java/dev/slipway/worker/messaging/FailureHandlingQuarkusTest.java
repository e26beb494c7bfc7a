package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.KubeFaults;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.ProcessedCommands;
import dev.slipway.worker.QueueProbe;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Kubernetes API failures injected by the emulator on the tenant's Deployment apply. The worker
 * dead-letters a command after 3 attempts, retry base delay 1 s (application.properties); the
 * queue's own maxReceiveCount is a backstop at 10 (WorkerTestResources).
 */
@QuarkusTest
class FailureHandlingQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject MeterRegistry registry;
  TestTenants data;
  KubeFaults faults;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
    faults = KubeEmulatorTestResource.emulator().faults();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  @Test
  void serverErrorsAreRetriedWithGrowingDelayThenDeadLettered() {
    String slug = TestTenants.uniqueSlug("broken");
    faults.failNext("PATCH", "/deployments/" + slug, 500, 10);
    double retries = sum(MetricNames.COMMAND_RETRIES);
    double exhausted = processed(Outcome.EXHAUSTED);
    UUID op = create(slug).op();

    List<Instant> attempts = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      int attempt = n;
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> data.attempts(op) >= attempt);
      attempts.add(Instant.now());
    }
    QueueProbe dlq = new QueueProbe(sqs, config.dlqUrl());
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> dlq.contains(op.toString()));

    // Back-off n waits between half and all of 1 s * 2^(n-1): at least 1 s, then 1 s; the third
    // failure is the last attempt and is moved to the dead-letter queue at once.
    assertAtLeast(Duration.ofMillis(900), attempts.get(0), attempts.get(1));
    assertAtLeast(Duration.ofMillis(900), attempts.get(1), attempts.get(2));
    assertEquals(3, data.attempts(op), "dead-lettered after slipway.worker.retry.max-attempts");
    assertEquals("RUNNING", data.operationStatus(op), "not failed: an operator can replay it");
    assertTrue(data.lastError(op).contains("500"), data.lastError(op));
    assertEquals(retries + 2, sum(MetricNames.COMMAND_RETRIES));
    assertEquals(exhausted + 1, processed(Outcome.EXHAUSTED));
  }

  @Test
  void theCommandQueuedBehindADeadLetteredOneRunsOnItsFirstAttempt() {
    String slug = TestTenants.uniqueSlug("behind");
    faults.failNext("PATCH", "/deployments/" + slug, 500, 3);
    Created first = create(slug);
    // Queued behind the failing one, so received with it on each of its retries and handed back:
    // the queue counts each of those receives, the worker counts only real attempts.
    UUID next = data.insertOperation(first.tenant(), OperationType.CREATE, 1);
    data.send(data.command(next, OperationType.CREATE, first.tenant(), slug, 1), next.toString());

    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(next)));
    assertEquals(1, data.attempts(next));
    assertEquals(3, data.attempts(first.op()));
    QueueProbe dlq = new QueueProbe(sqs, config.dlqUrl());
    await().atMost(WAIT).until(() -> dlq.contains(first.op().toString()));
    assertFalse(dlq.contains(next.toString()));
  }

  @Test
  void throttlingIsWaitedOutAndConflictsAreRetriedUntilTheApplySucceeds() {
    String slug = TestTenants.uniqueSlug("throttled");
    faults.failNext("PATCH", "/deployments/" + slug, 429, 1);
    faults.failNext("PATCH", "/deployments/" + slug, 409, 1);
    int fired = faults.fired();
    double retries = sum(MetricNames.COMMAND_RETRIES);
    UUID op = create(slug).op();
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    // The 429 is sent again in the same attempt after its Retry-After (adaptive pacing,
    // service-common's kube.ThrottledRetry); the 409 costs one redelivery.
    assertEquals(2, data.attempts(op));
    assertEquals(fired + 2, faults.fired());
    assertEquals(retries + 1, sum(MetricNames.COMMAND_RETRIES));
  }

  @Test
  void rejectedObjectsFailPermanentlyAndAreAcknowledged() {
    String slug = TestTenants.uniqueSlug("rejected");
    faults.failNext("PATCH", "/deployments/" + slug, 422, 1);
    Created created = create(slug);
    UUID op = created.op();
    await().atMost(WAIT).until(() -> "FAILED".equals(data.operationStatus(op)));
    assertTrue(data.lastError(op).contains("422"), data.lastError(op));
    await().atMost(WAIT).until(() -> "FAILED".equals(data.phase(created.tenant())));
    // Acknowledged: not seen again after the queue's 2 s visibility timeout would have run out.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> data.attempts(op) == 1);
  }

  @Test
  void poisonMessageIsDeadLetteredThenItsTenantsNextCommandRuns() {
    String slug = TestTenants.uniqueSlug("poisoned");
    UUID tenant = data.insertTenant(slug);
    String marker = UUID.randomUUID().toString();
    String poison = "{\"version\":1,\"poison\":\"" + marker + "\"}";
    data.sendRaw(tenant.toString(), poison, UUID.randomUUID().toString());
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
    String other = TestTenants.uniqueSlug("unaffected");
    UUID otherOp = create(other).op();

    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(otherOp)));
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    assertEquals(1, data.attempts(op), "run once: the unreadable message is not retried");
    QueueProbe dlq = new QueueProbe(sqs, config.dlqUrl());
    await().atMost(WAIT).until(() -> dlq.contains(marker));
  }

  private record Created(UUID tenant, UUID op) {}

  private Created create(String slug) {
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
    return new Created(tenant, op);
  }

  private static void assertAtLeast(Duration min, Instant from, Instant to) {
    Duration gap = Duration.between(from, to);
    assertTrue(gap.compareTo(min) >= 0, "waited " + gap + ", expected at least " + min);
  }

  private double processed(String outcome) {
    return ProcessedCommands.withOutcome(registry, outcome);
  }

  private double sum(String counter) {
    return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
  }
}
