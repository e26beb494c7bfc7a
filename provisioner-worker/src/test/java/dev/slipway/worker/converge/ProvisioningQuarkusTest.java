package dev.slipway.worker.converge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.RequestTally;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.ProcessedCommands;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.apply.ApplyResult;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.messaging.Outcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The worker against real PostgreSQL, ElasticMQ and the Kubernetes emulator. */
@QuarkusTest
class ProvisioningQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();
  @Inject MeterRegistry registry;
  TestTenants data;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
  }

  @Test
  void createAppliesFourObjectsAndTenantBecomesRunning() {
    String slug = TestTenants.uniqueSlug("create");
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());

    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    liveObjects(slug).forEach(o -> assertNotNull(o, "object of " + slug));
    var deployment = kube.apps().deployments().inNamespace(ns()).withName(slug).get();
    assertEquals(1, deployment.getSpec().getReplicas());
    assertEquals("1", deployment.getMetadata().getAnnotations().get("slipway.dev/generation"));
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));
  }

  @Test
  void firstCreateSendsNoReadOfItsObjectsAndCountsThemCreated() {
    String slug = TestTenants.uniqueSlug("noget");
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    double created = applyResults(ApplyResult.CREATED);
    String objects = "/(secrets|deployments|services|ingresses)/" + slug + "(\\?|$)";
    try (RequestTally gets = KubeEmulatorTestResource.emulator().tally("GET", objects);
        RequestTally applies = KubeEmulatorTestResource.emulator().tally("PATCH", objects)) {
      data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
      assertEquals(0, gets.count(), "a tenant never applied is applied without reading first");
      assertEquals(4, applies.count());
    }
    assertTrue(applyResults(ApplyResult.CREATED) >= created + 4, "CREATED from the 201s");
  }

  @Test
  void duplicateDeliveryChangesNothing() {
    String slug = TestTenants.uniqueSlug("dup");
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    CommandEnvelope command = data.command(op, OperationType.CREATE, tenant, slug, 1);
    data.send(command, op.toString());
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));
    List<String> versions = resourceVersions(slug);
    int attempts = data.attempts(op);
    double alreadyDone = processed(Outcome.ALREADY_DONE);

    // Redelivery after the operation finished (a new dedup id defeats SQS's 5-minute window).
    data.send(command, op + "-again");
    await().atMost(WAIT).until(() -> processed(Outcome.ALREADY_DONE) > alreadyDone);
    assertEquals(versions, resourceVersions(slug));
    assertEquals(attempts, data.attempts(op));
    assertEquals("SUCCEEDED", data.operationStatus(op));

    // Redelivery after a crash between apply and recording success: the re-apply is a no-op.
    data.reopen(op);
    data.send(command, op + "-crash");
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));
    assertEquals(versions, resourceVersions(slug));
    assertEquals("RUNNING", data.phase(tenant));
  }

  @Test
  void stopScalesToZeroAndDeleteRemovesEverything() {
    String slug = TestTenants.uniqueSlug("stop");
    UUID tenant = data.insertTenant(slug);
    UUID create = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(create, OperationType.CREATE, tenant, slug, 1), create.toString());
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));

    long stopGeneration = data.setDesiredState(tenant, "STOPPED");
    UUID stop = data.insertOperation(tenant, OperationType.STOP, stopGeneration);
    data.send(
        data.command(stop, OperationType.STOP, tenant, slug, stopGeneration), stop.toString());
    await().atMost(WAIT).until(() -> "STOPPED".equals(data.phase(tenant)));
    assertEquals(
        0,
        kube.apps().deployments().inNamespace(ns()).withName(slug).get().getSpec().getReplicas());

    long deleteGeneration = data.setDesiredState(tenant, "DELETED");
    UUID delete = data.insertOperation(tenant, OperationType.DELETE, deleteGeneration);
    data.send(
        data.command(delete, OperationType.DELETE, tenant, slug, deleteGeneration),
        delete.toString());
    await().atMost(WAIT).until(() -> "DELETED".equals(data.phase(tenant)));
    liveObjects(slug).forEach(o -> assertNull(o, "deleted object of " + slug));
    assertEquals("SUCCEEDED", data.operationStatus(delete));
  }

  @Test
  void offlineRemovesTheIngressKeepsTheRestAndRunningAgainRestoresIt() {
    String slug = TestTenants.uniqueSlug("offline");
    UUID tenant = data.insertTenant(slug);
    UUID create = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(create, OperationType.CREATE, tenant, slug, 1), create.toString());
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));
    var secret = kube.secrets().inNamespace(ns()).withName(slug).get();
    var token =
        java.util.List.of(String.valueOf(secret.getData()), String.valueOf(secret.getStringData()));

    long offline = data.setOffline(tenant);
    UUID soft = data.insertOperation(tenant, OperationType.SOFT_DELETE, offline);
    data.send(
        data.command(soft, OperationType.SOFT_DELETE, tenant, slug, offline), soft.toString());
    await().atMost(WAIT).until(() -> "STOPPED".equals(data.phase(tenant)));
    assertEquals("SUCCEEDED", data.operationStatus(soft));
    assertNull(kube.network().v1().ingresses().inNamespace(ns()).withName(slug).get());
    assertEquals(
        0,
        kube.apps().deployments().inNamespace(ns()).withName(slug).get().getSpec().getReplicas());
    var kept = kube.secrets().inNamespace(ns()).withName(slug).get();
    assertEquals(
        token,
        java.util.List.of(String.valueOf(kept.getData()), String.valueOf(kept.getStringData())),
        "the Secret is kept with the same token");
    assertNotNull(kube.services().inNamespace(ns()).withName(slug).get());

    long restored = data.setDesiredState(tenant, "RUNNING");
    UUID restore = data.insertOperation(tenant, OperationType.RESTORE, restored);
    data.send(
        data.command(restore, OperationType.RESTORE, tenant, slug, restored), restore.toString());
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));
    assertNotNull(kube.network().v1().ingresses().inNamespace(ns()).withName(slug).get());
  }

  @Test
  void lateDeleteOfAReusedSlugLeavesTheNewTenantAlone() {
    String slug = TestTenants.uniqueSlug("reuse");
    UUID old = data.insertTenant(slug);
    UUID create = data.insertOperation(old, OperationType.CREATE, 1);
    data.send(data.command(create, OperationType.CREATE, old, slug, 1), create.toString());
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(old)));
    long deleteGeneration = data.setDesiredState(old, "DELETED");
    UUID delete = data.insertOperation(old, OperationType.DELETE, deleteGeneration);
    data.send(
        data.command(delete, OperationType.DELETE, old, slug, deleteGeneration), delete.toString());
    await().atMost(WAIT).until(() -> "DELETED".equals(data.phase(old)));

    UUID reused = data.insertTenant(slug);
    UUID create2 = data.insertOperation(reused, OperationType.CREATE, 1);
    data.send(data.command(create2, OperationType.CREATE, reused, slug, 1), create2.toString());
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(reused)));
    List<String> versions = resourceVersions(slug);

    // The old delete, redelivered after a crash before its operation was recorded done.
    data.reopen(delete);
    data.send(
        data.command(delete, OperationType.DELETE, old, slug, deleteGeneration), delete + "-late");
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(delete)));
    assertEquals(versions, resourceVersions(slug), "the new tenant's objects are untouched");
    assertEquals("RUNNING", data.phase(reused));
  }

  @Test
  void olderGenerationAppliesTheLatestStateAndIsSuperseded() {
    String slug = TestTenants.uniqueSlug("super");
    UUID tenant = data.insertTenant(slug);
    UUID stale = data.insertOperation(tenant, OperationType.CREATE, 1);
    long current = data.setDesiredState(tenant, "STOPPED");
    data.send(data.command(stale, OperationType.CREATE, tenant, slug, 1), stale.toString());
    await().atMost(WAIT).until(() -> "SUPERSEDED".equals(data.operationStatus(stale)));
    var deployment = kube.apps().deployments().inNamespace(ns()).withName(slug).get();
    assertEquals(0, deployment.getSpec().getReplicas(), "generation 2 (stopped) was applied");
    assertEquals(
        Long.toString(current),
        deployment.getMetadata().getAnnotations().get("slipway.dev/generation"));
    await().atMost(WAIT).until(() -> "STOPPED".equals(data.phase(tenant)));
  }

  @Test
  void unknownTenantFailsPermanentlyAndIsAcknowledged() {
    String slug = TestTenants.uniqueSlug("ghost");
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 7);
    double permanent = processed(Outcome.PERMANENT);
    // A command (and its operation) naming a generation the tenant has never had: permanent,
    // recorded, acked.
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 7), op.toString());
    await().atMost(WAIT).until(() -> "FAILED".equals(data.operationStatus(op)));
    assertEquals(permanent + 1, processed(Outcome.PERMANENT));
    assertEquals("PENDING", data.phase(tenant)); // failure of generation 7 is not tenant state
  }

  @Test
  void unparseableMessagesAreCountedAndDeadLetteredWhileWorkGoesOn() {
    double invalid = registry.counter(MetricNames.COMMANDS_INVALID).count();
    data.sendRaw("garbage-group", "{not json", UUID.randomUUID().toString());
    data.sendRaw("garbage-group-2", "{\"version\":99}", UUID.randomUUID().toString());
    // No retry can make them readable: each is moved to the dead-letter queue on its first receive.
    await()
        .atMost(WAIT)
        .until(() -> registry.counter(MetricNames.COMMANDS_INVALID).count() >= invalid + 2);
    String dlq = ConfigProvider.getConfig().getValue("slipway.worker.dlq-url", String.class);
    await().atMost(WAIT).until(() -> dlqDepth(dlq) >= 2);
    createAppliesFourObjectsAndTenantBecomesRunning();
  }

  private int dlqDepth(String dlq) {
    return Integer.parseInt(
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(dlq)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  private double applyResults(ApplyResult result) {
    return registry
        .find(MetricNames.APPLY_RESULTS)
        .tag(MetricNames.TAG_RESULT, result.tag())
        .counters()
        .stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private double processed(String outcome) {
    return ProcessedCommands.withOutcome(registry, outcome);
  }

  private String ns() {
    return fleet.checkedNamespaces().get(0);
  }

  private List<HasMetadata> liveObjects(String slug) {
    return java.util.Arrays.asList(
        kube.secrets().inNamespace(ns()).withName(slug).get(),
        kube.apps().deployments().inNamespace(ns()).withName(slug).get(),
        kube.services().inNamespace(ns()).withName(slug).get(),
        kube.network().v1().ingresses().inNamespace(ns()).withName(slug).get());
  }

  private List<String> resourceVersions(String slug) {
    return liveObjects(slug).stream().map(o -> o.getMetadata().getResourceVersion()).toList();
  }
}
