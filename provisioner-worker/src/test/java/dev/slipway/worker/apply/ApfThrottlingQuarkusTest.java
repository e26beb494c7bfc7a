package dev.slipway.worker.apply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.flow.FlowControl;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.kube.ApiServerSignals;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A burst of creates against an API server with API Priority and Fairness and few seats: the worker
 * leaves the pacing to the server (no client-side QPS limit once it sees the APF headers) and
 * honours every 429 after its Retry-After in process, so no command fails, is retried through the
 * queue or dead-lettered, and every 429 the emulator sent shows in {@code slipway.kube.throttled}.
 */
@QuarkusTest
class ApfThrottlingQuarkusTest {
  private static final int TENANTS = 200;

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject MeterRegistry registry;
  @Inject ApiServerSignals signals;

  private final FlowControl flow = KubeEmulatorTestResource.emulator().flowControl();

  @AfterEach
  void lift() {
    flow.unlimited();
  }

  @Test
  void aBurstAgainstTwoSeatsCompletesWithEvery429Honoured() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    double throttledBefore = throttled();
    long rejectedBefore = flow.rejected();
    // Two seats, each held 10 ms: about 200 requests/s for the worker's four threads (and fewer
    // than the 800 applies need at once), so some requests must find no seat.
    flow.limit(2, Duration.ofMillis(10));
    List<UUID> operations = new ArrayList<>();
    for (int i = 0; i < TENANTS; i++) {
      String slug = TestTenants.uniqueSlug("apf");
      UUID tenant = data.insertTenant(slug);
      UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
      data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
      operations.add(op);
    }

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> operations.stream().allMatch(op -> isFinished(data, op)));

    for (UUID op : operations) {
      assertEquals("SUCCEEDED", data.operationStatus(op), "operation " + op);
      assertEquals(1, data.attempts(op), "a 429 is retried in process, not through the queue");
    }
    long rejected = flow.rejected() - rejectedBefore;
    assertTrue(rejected > 0, "the seats were too few for the burst: some requests got a 429");
    assertEquals(rejected, throttled() - throttledBefore, 0.0, "every 429 counted");
    assertTrue(signals.priorityAndFairness(), "the worker saw the APF headers");
  }

  private static boolean isFinished(TestTenants data, UUID op) {
    String status = data.operationStatus(op);
    return "SUCCEEDED".equals(status) || "FAILED".equals(status);
  }

  private double throttled() {
    var counter = registry.find(MetricNames.KUBE_THROTTLED).functionCounter();
    return counter == null ? 0 : counter.count();
  }
}
