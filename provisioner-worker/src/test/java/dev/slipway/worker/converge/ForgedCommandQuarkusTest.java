package dev.slipway.worker.converge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.ProcessedCommands;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.messaging.Outcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A command naming an operation that is not its own (another tenant's id, another type, another
 * generation) is refused as forged: nothing of either tenant changes, in the database or in the
 * cluster, and the message is acknowledged, not retried.
 */
@QuarkusTest
class ForgedCommandQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  @Inject MeterRegistry registry;
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  TestTenants data;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
  }

  @Test
  void commandsNamingAnotherTenantsOrTypesOrGenerationsOperationChangeNothing() {
    String slugA = TestTenants.uniqueSlug("forger");
    String slugB = TestTenants.uniqueSlug("victim");
    UUID tenantA = created(slugA);
    UUID tenantB = created(slugB);
    // B's open operation: stopping B, generation 2, queued but its own message not sent yet.
    long stop = data.setDesiredState(tenantB, "STOPPED");
    UUID opB = data.insertOperation(tenantB, OperationType.STOP, stop);

    List<String> before = state(tenantA, slugA, tenantB, slugB, opB);
    double forged = registry.counter(MetricNames.COMMANDS_FORGED).count();
    double forgedOutcomes = processed(Outcome.FORGED);

    // Tenant A's id on B's operation (at A's own generation, at the operation's).
    data.send(data.command(opB, OperationType.STOP, tenantA, slugA, 1), opB + "-tenant");
    data.send(data.command(opB, OperationType.STOP, tenantA, slugA, stop), opB + "-tenant-2");
    // B's own id, but another type, or another generation than the operation was issued for.
    data.send(data.command(opB, OperationType.DELETE, tenantB, slugB, stop), opB + "-type");
    data.send(data.command(opB, OperationType.STOP, tenantB, slugB, 1), opB + "-generation");

    await()
        .atMost(WAIT)
        .until(() -> registry.counter(MetricNames.COMMANDS_FORGED).count() >= forged + 4);
    // Acknowledged: none comes back after the queue's visibility timeout (2 s in these tests).
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .until(() -> registry.counter(MetricNames.COMMANDS_FORGED).count() == forged + 4);
    assertEquals(forgedOutcomes + 4, processed(Outcome.FORGED), "outcome tag forged");
    assertEquals(before, state(tenantA, slugA, tenantB, slugB, opB));

    // B's own command still finds its operation open and converges it.
    data.send(data.command(opB, OperationType.STOP, tenantB, slugB, stop), opB.toString());
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(opB)));
    assertEquals(
        0,
        kube.apps().deployments().inNamespace(ns()).withName(slugB).get().getSpec().getReplicas());
  }

  private UUID created(String slug) {
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));
    return tenant;
  }

  /** What a forged command could change: both tenants' status, their operations, their objects. */
  private List<String> state(UUID tenantA, String slugA, UUID tenantB, String slugB, UUID opB) {
    List<String> state = new ArrayList<>();
    for (UUID tenant : List.of(tenantA, tenantB)) {
      state.add(
          data.tenantValue(
              "concat_ws('|', phase, observed_generation, generation, last_error, desired_state)",
              tenant));
      state.add(operations(tenant));
    }
    state.add(data.operationStatus(opB) + "|" + data.attempts(opB) + "|" + data.lastError(opB));
    for (String slug : List.of(slugA, slugB)) {
      liveObjects(slug).forEach(o -> state.add(o.getMetadata().getResourceVersion()));
    }
    return state;
  }

  private String operations(UUID tenant) {
    StringBuilder rows = new StringBuilder();
    pool.preparedQuery(
            "SELECT concat_ws('|', id, status, attempts, last_error, started_at, finished_at)"
                + " FROM operations WHERE tenant_id = $1 ORDER BY id")
        .execute(Tuple.of(tenant))
        .await()
        .atMost(WAIT)
        .forEach(row -> rows.append(row.getString(0)).append('\n'));
    return rows.toString();
  }

  private double processed(String outcome) {
    return ProcessedCommands.withOutcome(registry, outcome);
  }

  private String ns() {
    return fleet.checkedNamespaces().get(0);
  }

  private List<HasMetadata> liveObjects(String slug) {
    return List.of(
        kube.secrets().inNamespace(ns()).withName(slug).get(),
        kube.apps().deployments().inNamespace(ns()).withName(slug).get(),
        kube.services().inNamespace(ns()).withName(slug).get(),
        kube.network().v1().ingresses().inNamespace(ns()).withName(slug).get());
  }
}
