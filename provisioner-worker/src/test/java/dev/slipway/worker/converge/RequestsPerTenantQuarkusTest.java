package dev.slipway.worker.converge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.RequestCounts;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Kubernetes requests per tenant create, update and delete, from the emulator's own counters
 * (docs/benchmarks.md reports them): a create or a stop is one apply per object, a delete one
 * label-selected delete per kind, and nothing is read.
 */
@QuarkusTest
class RequestsPerTenantQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String[] KINDS = {
    "secrets", "deployments", "services", "ingresses", "horizontalpodautoscalers"
  };

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;

  private final RequestCounts counts = KubeEmulatorTestResource.emulator().requestCounts();

  @Test
  void createAndStopAreOneApplyPerObjectAndADeleteOneRequestPerKind() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("count");
    UUID tenant = data.insertTenant(slug);

    Map<String, Long> create =
        during(
            () -> {
              UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
              data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
              await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
            });
    assertEquals(
        Map.of(
            "patch secrets", 1L,
            "patch deployments", 1L,
            "patch services", 1L,
            "patch ingresses", 1L),
        create,
        "one server-side apply per object, no read first");

    Map<String, Long> stop =
        during(
            () -> {
              long generation = data.setDesiredState(tenant, "STOPPED");
              UUID op = data.insertOperation(tenant, OperationType.STOP, generation);
              data.send(
                  data.command(op, OperationType.STOP, tenant, slug, generation), op.toString());
              await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
            });
    // A stop applies each object once and reads none: the worker remembers that the generation
    // it applied had no autoscaler, so there is none to check for.
    assertEquals(
        Map.of(
            "patch secrets", 1L,
            "patch deployments", 1L,
            "patch services", 1L,
            "patch ingresses", 1L),
        stop,
        "one server-side apply per object, no read");

    Map<String, Long> delete =
        during(
            () -> {
              long generation = data.setDesiredState(tenant, "DELETED");
              UUID op = data.insertOperation(tenant, OperationType.DELETE, generation);
              data.send(
                  data.command(op, OperationType.DELETE, tenant, slug, generation), op.toString());
              await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
            });
    // One delete per kind, selected by the tenant's id label, so only the tenant's own objects
    // can be removed (a reused slug), without reading them first.
    assertEquals(
        Map.of(
            "deletecollection horizontalpodautoscalers", 1L,
            "deletecollection ingresses", 1L,
            "deletecollection services", 1L,
            "deletecollection deployments", 1L,
            "deletecollection secrets", 1L),
        delete,
        "one label-selected delete per kind, no read");
  }

  /** The requests on tenant object kinds while {@code action} runs, by verb and resource. */
  private Map<String, Long> during(Runnable action) {
    Map<String, Long> before = counts.snapshot();
    action.run();
    Map<String, Long> diff = new HashMap<>();
    counts
        .snapshot()
        .forEach(
            (key, value) -> {
              long delta = value - before.getOrDefault(key, 0L);
              if (delta > 0 && isTenantKind(key)) {
                diff.put(key, delta);
              }
            });
    return diff;
  }

  private static boolean isTenantKind(String key) {
    for (String kind : KINDS) {
      if (key.endsWith(" " + kind) && !key.startsWith("watch ") && !key.startsWith("list ")) {
        return true;
      }
    }
    return false;
  }
}
