package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker under the Role deploy/k8s ships, with one rule taken away (through the admin client,
 * as an operator's mistake would): the API server answers 403, and the worker fails the operation
 * at once with the API server's reason, counts it and never retries.
 */
@QuarkusTest
class RbacFailureQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ROLE = "slipway-provisioner-worker";

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  @Inject MeterRegistry registry;
  private final KubernetesClient admin = KubeEmulatorTestResource.adminClient();
  private final Map<String, Role> shipped = new HashMap<>();
  TestTenants data;

  @BeforeEach
  void withoutTheIngressRule() {
    data = new TestTenants(pool, sqs, config.queueUrl());
    for (String namespace : fleet.checkedNamespaces()) {
      Role role = admin.rbac().roles().inNamespace(namespace).withName(ROLE).get();
      shipped.put(namespace, role);
      Role reduced = admin.rbac().roles().inNamespace(namespace).withName(ROLE).get();
      List<PolicyRule> rules = new ArrayList<>(reduced.getRules());
      assertTrue(rules.removeIf(rule -> rule.getResources().contains("ingresses")), namespace);
      reduced.setRules(rules);
      admin.resource(reduced).update();
    }
  }

  @AfterEach
  void restoreTheShippedRole() {
    shipped.forEach(
        (namespace, role) -> {
          Role current = admin.rbac().roles().inNamespace(namespace).withName(ROLE).get();
          current.setRules(role.getRules());
          admin.resource(current).update();
        });
  }

  @Test
  void aForbiddenApplyFailsTheOperationWithTheReasonAndIsCounted() {
    double forbidden = sum(MetricNames.KUBE_FORBIDDEN);
    String slug = TestTenants.uniqueSlug("forbidden");
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());

    await().atMost(WAIT).until(() -> "FAILED".equals(data.operationStatus(op)));
    String error = data.lastError(op);
    assertTrue(error.contains("403"), error);
    assertTrue(
        error.contains(
            "cannot patch resource \"ingresses\" in API group \"networking.k8s.io\" in the"
                + " namespace"),
        error);
    await().atMost(WAIT).until(() -> "FAILED".equals(data.phase(tenant)));
    assertEquals(forbidden + 1, sum(MetricNames.KUBE_FORBIDDEN));
    // Never retried: still one attempt after the queue's 2 s visibility timeout.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> data.attempts(op) == 1);
  }

  private double sum(String counter) {
    return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
  }
}
