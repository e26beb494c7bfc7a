package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.QueueProbe;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SIGTERM path ({@link QueueConsumer#stop()}, what the ShutdownEvent runs) with the shutdown
 * bound set to 3 s in tests, while three messages are held:
 *
 * <ul>
 *   <li>a slow apply (1.5 s) that finishes within the bound: completed and deleted;
 *   <li>the next command of the same tenant, received behind it but not started: released;
 *   <li>a slower apply (8 s) of another tenant: interrupted at the bound and released.
 * </ul>
 *
 * A restarted consumer then finishes exactly what was left: nothing lost, nothing done twice.
 */
@QuarkusTest
class GracefulShutdownQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject QueueConsumer consumer;
  @Inject MeterRegistry registry;

  @AfterEach
  void restore() {
    KubeEmulatorTestResource.emulator().faults().clear();
    consumer.start();
  }

  @Test
  void drainFinishesWhatFitsAndReleasesTheRest() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String quick = TestTenants.uniqueSlug("drain-quick");
    String slow = TestTenants.uniqueSlug("drain-slow");
    var faults = KubeEmulatorTestResource.emulator().faults();
    faults.delay("PATCH", "/deployments/" + quick, Duration.ofMillis(1500), 1);
    faults.delay("PATCH", "/deployments/" + slow, Duration.ofSeconds(8), 1);

    consumer.stop(); // so that all of it is queued before the first receive
    UUID quickTenant = data.insertTenant(quick);
    UUID first = create(data, quickTenant, quick);
    long stopGeneration = data.setDesiredState(quickTenant, "STOPPED");
    UUID behind = data.insertOperation(quickTenant, OperationType.STOP, stopGeneration);
    data.send(
        data.command(behind, OperationType.STOP, quickTenant, quick, stopGeneration),
        behind.toString());
    UUID interrupted = create(data, data.insertTenant(slow), slow);
    consumer.start();
    await().atMost(WAIT).until(() -> data.attempts(first) == 1 && data.attempts(interrupted) == 1);

    double released = registry.counter(MetricNames.MESSAGES_RELEASED).count();
    consumer.stop();

    assertEquals("SUPERSEDED", data.operationStatus(first), "finished within the bound");
    assertEquals("QUEUED", data.operationStatus(behind), "never started");
    assertEquals("RUNNING", data.operationStatus(interrupted), "cut off at the bound");
    assertEquals(released + 2, registry.counter(MetricNames.MESSAGES_RELEASED).count());
    assertEquals(0, held());
    QueueProbe queue = new QueueProbe(sqs, config.queueUrl());
    assertEquals(2, queue.visible() + queue.inFlight(), "both released messages are back");

    consumer.start();
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(behind)));
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(interrupted)));
    assertEquals(1, data.attempts(first), "the finished message was deleted, not redelivered");
    assertEquals(1, data.attempts(behind));
    assertEquals(2, data.attempts(interrupted), "the cut-off one ran again");
    await().atMost(WAIT).until(() -> queue.visible() + queue.inFlight() == 0);
  }

  private int held() {
    return (int) registry.get(MetricNames.MESSAGES_HELD).gauge().value();
  }

  private static UUID create(TestTenants data, UUID tenant, String slug) {
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
    return op;
  }
}
