package dev.slipway.worker.converge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.KubeFaults;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A write the worker gave up on (its request timed out) lands on the API server afterwards, as
 * kube-apiserver does with a request whose client went away. The tenant's delete is queued behind
 * it: the retry must not delete the objects before that write landed, or the write brings the
 * Secret (the gateway token) back for a tenant that no longer exists. ConvergenceIT's "Kubernetes
 * slow" phase found it; WorkerConfig's in-doubt window is the fix.
 */
@QuarkusTest
@TestProfile(LateWriteQuarkusTest.ShortTimeouts.class)
class LateWriteQuarkusTest {
  /** Longer than the profile's request timeout, shorter than its in-doubt window. */
  private static final Duration LATE = Duration.ofSeconds(8);

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject MeterRegistry registry;
  @Inject KubernetesClient kube;
  @Inject FleetConfig fleet;

  public static class ShortTimeouts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "slipway.worker.kubernetes.request-timeout", "2s",
          "slipway.worker.kubernetes.in-doubt-window", "10s");
    }
  }

  @AfterEach
  void clearFaults() {
    KubeEmulatorTestResource.emulator().faults().clear();
  }

  @Test
  void aDeleteQueuedBehindAnUnansweredWriteRunsAfterThatWriteLanded() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("late");
    UUID tenant = data.insertTenant(slug);
    UUID create = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(create, OperationType.CREATE, tenant, slug, 1), create.toString());
    await().atMost(Duration.ofSeconds(20)).until(() -> secret(slug) != null);

    KubeFaults faults = KubeEmulatorTestResource.emulator().faults();
    faults.delay("PATCH", "/secrets/" + slug, LATE, 1);
    double inDoubt = count(MetricNames.KUBE_IN_DOUBT);
    long stopped = data.setDesiredState(tenant, "STOPPED");
    UUID stop = data.insertOperation(tenant, OperationType.STOP, stopped);
    data.send(data.command(stop, OperationType.STOP, tenant, slug, stopped), stop.toString());
    // The stop's Secret write times out (the emulator holds it past the request timeout); the
    // tenant's delete is queued behind the stop in the tenant's message group.
    await().atMost(Duration.ofSeconds(15)).until(() -> !data.lastError(stop).isEmpty());
    long deleted = data.setDesiredState(tenant, "DELETED");
    UUID delete = data.insertOperation(tenant, OperationType.DELETE, deleted);
    data.send(data.command(delete, OperationType.DELETE, tenant, slug, deleted), delete.toString());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "SUCCEEDED".equals(data.operationStatus(delete)));
    assertEquals(inDoubt + 1, count(MetricNames.KUBE_IN_DOUBT), "the timed-out write counted");
    // Without the window the delete ran 1-3 s after the timeout and the late write (6 s after it)
    // created the Secret again: it must stay gone past the time that write took.
    await().during(LATE).atMost(LATE.plusSeconds(2)).until(() -> secret(slug) == null);
  }

  private Secret secret(String slug) {
    return kube.secrets().inNamespace(fleet.checkedNamespaces().get(0)).withName(slug).get();
  }

  private double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
