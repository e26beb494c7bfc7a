package dev.slipway.worker.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.tenants.TenantRow;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The two merged statements of a command against the real database: each must keep the semantics of
 * the separate statements it replaced (status, begin, load; applied, succeeded).
 */
@QuarkusTest
class CommandStoreQuarkusTest {
  @Inject CommandStore commands;

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  TestTenants data;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
  }

  @Test
  void unknownOperationFindsNothing() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    assertTrue(commands.begin(UUID.randomUUID(), tenant, OperationType.CREATE, 1).isEmpty());
  }

  @Test
  void openOperationIsBegunAndItsTenantLoaded() {
    String slug = TestTenants.uniqueSlug("store");
    UUID tenant = data.insertTenant(slug, "tenants-2");
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);

    CommandStore.Begin begin = begin(op, tenant).orElseThrow();
    assertEquals(OperationStatus.QUEUED, begin.status(), "the status before this delivery");
    assertTrue(begin.begun());
    assertEquals("RUNNING", data.operationStatus(op));
    assertEquals(1, data.attempts(op));
    TenantRow stored = begin.tenant().orElseThrow();
    assertEquals(tenant, stored.spec().id());
    assertEquals(slug, stored.spec().slug());
    assertEquals(1, stored.spec().generation());
    assertEquals("tenants-2", stored.spec().namespace());
    assertEquals("token-" + slug, stored.spec().gatewayToken());
    assertTrue(stored.neverApplied());

    // A redelivery while RUNNING (the worker died mid-apply) begins it again: one more attempt,
    // the first start kept.
    Instant started = data.timings(op)[0];
    CommandStore.Begin again = begin(op, tenant).orElseThrow();
    assertEquals(OperationStatus.RUNNING, again.status());
    assertTrue(again.begun());
    assertEquals(2, data.attempts(op));
    assertEquals(started, data.timings(op)[0]);
  }

  @Test
  void finishedOperationIsNotBegunAgain() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    for (OperationStatus terminal :
        List.of(OperationStatus.SUCCEEDED, OperationStatus.FAILED, OperationStatus.SUPERSEDED)) {
      UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
      setOperationStatus(op, terminal);
      CommandStore.Begin begin = begin(op, tenant).orElseThrow();
      assertEquals(terminal, begin.status());
      assertFalse(begin.begun(), terminal + " is already done");
      assertEquals(terminal.name(), data.operationStatus(op));
      assertEquals(0, data.attempts(op));
    }
  }

  @Test
  void anOperationIsFoundOnlyWithItsOwnTenantTypeAndGeneration() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID other = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID op = data.insertOperation(tenant, OperationType.UPDATE, 1);
    assertTrue(commands.begin(op, other, OperationType.UPDATE, 1).isEmpty(), "another tenant");
    assertTrue(commands.begin(op, UUID.randomUUID(), OperationType.UPDATE, 1).isEmpty());
    assertTrue(commands.begin(op, tenant, OperationType.DELETE, 1).isEmpty(), "another type");
    assertTrue(commands.begin(op, tenant, OperationType.UPDATE, 2).isEmpty(), "another gen.");
    assertEquals("QUEUED", data.operationStatus(op));
    assertEquals(0, data.attempts(op));
    assertTrue(commands.begin(op, tenant, OperationType.UPDATE, 1).orElseThrow().begun());
  }

  @Test
  void finishAppliedNeverFinishesAnotherTenantsOperation() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID other = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    begin(op, tenant).orElseThrow();
    commands.finishApplied(op, other, 1, OperationStatus.SUCCEEDED);
    assertEquals("RUNNING", data.operationStatus(op));
  }

  /** Begins {@code op} as its own command would: with its stored type and generation. */
  /**
   * The worker renders the effective image version (service-common TenantRows): the pinned one,
   * else the fleet version's copy, else none (a row from before the fleet bootstrap: the configured
   * image); and it reads whether the tenant is frozen.
   */
  @Test
  void theTenantLoadedCarriesTheEffectiveImageVersionAndTheFreeze() {
    sql(
        "INSERT INTO fleet_versions (version, image_version, reason, created_by, promoted_at)"
            + " VALUES (1, '1.0.0', 'bootstrap', 'test', now()) ON CONFLICT DO NOTHING");
    UUID following = data.insertTenant(TestTenants.uniqueSlug("fleet"));
    sql(
        "UPDATE tenants SET fleet_version = 1, fleet_image_version = '3.1.4',"
            + " frozen_at = now(), frozen_by = 'admin', frozen_reason = 'test' WHERE id = $1",
        following);
    UUID pinned = data.insertTenant(TestTenants.uniqueSlug("pinned"));
    sql(
        "UPDATE tenants SET image_version = '2.0.0', fleet_version = 1,"
            + " fleet_image_version = '3.1.4' WHERE id = $1",
        pinned);
    UUID legacy = data.insertTenant(TestTenants.uniqueSlug("legacy"));

    TenantRow follows = loaded(following);
    assertEquals("3.1.4", follows.spec().imageVersion());
    assertTrue(follows.frozen());
    TenantRow pin = loaded(pinned);
    assertEquals("2.0.0", pin.spec().imageVersion());
    assertFalse(pin.frozen());
    assertEquals(null, loaded(legacy).spec().imageVersion());
  }

  private TenantRow loaded(UUID tenant) {
    UUID op = data.insertOperation(tenant, OperationType.UPDATE, 1);
    return begin(op, tenant).orElseThrow().tenant().orElseThrow();
  }

  private void sql(String statement, Object... args) {
    pool.preparedQuery(statement)
        .execute(Tuple.from(args))
        .await()
        .atMost(java.time.Duration.ofSeconds(10));
  }

  private java.util.Optional<CommandStore.Begin> begin(UUID op, UUID tenant) {
    String[] stored =
        data.tenantValue(
                "(SELECT type || ' ' || generation FROM operations WHERE id = '" + op + "')",
                tenant)
            .split(" ");
    return commands.begin(op, tenant, OperationType.valueOf(stored[0]), Long.parseLong(stored[1]));
  }

  @Test
  void finishAppliedRecordsTheTenantAndSucceedsTheOperation() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    begin(op, tenant).orElseThrow();

    commands.finishApplied(op, tenant, 1, OperationStatus.SUCCEEDED);
    assertEquals("SUCCEEDED", data.operationStatus(op));
    assertNotNull(data.timings(op)[1], "finished_at");
    assertEquals("PROVISIONING", data.phase(tenant));
    assertEquals("1", data.tenantValue("observed_generation::text", tenant));
    assertTrue(data.conditions(tenant).contains("\"Applied\""), data.conditions(tenant));
    assertTrue(data.conditions(tenant).contains("generation 1 applied"), data.conditions(tenant));

    data.reopen(op);
    TenantRow stored = begin(op, tenant).orElseThrow().tenant().orElseThrow();
    assertFalse(stored.neverApplied(), "applied once: the applier reads before it applies");
  }

  @Test
  void finishAppliedTakesAFailedTenantBackToProvisioningAndLeavesLaterPhasesAlone() {
    UUID failed = data.insertTenant(TestTenants.uniqueSlug("store"));
    setTenant(failed, "FAILED", "kubernetes 500");
    UUID running = data.insertTenant(TestTenants.uniqueSlug("store"));
    setTenant(running, "RUNNING", null);
    for (UUID tenant : List.of(failed, running)) {
      UUID op = data.insertOperation(tenant, OperationType.UPDATE, 1);
      begin(op, tenant).orElseThrow();
      commands.finishApplied(op, tenant, 1, OperationStatus.SUCCEEDED);
      assertEquals("SUCCEEDED", data.operationStatus(op));
      assertEquals("", data.tenantValue("coalesce(last_error, '')", tenant));
    }
    assertEquals("PROVISIONING", data.phase(failed));
    assertEquals("RUNNING", data.phase(running), "the informer's to change");
  }

  @Test
  void finishAppliedOfAnOlderGenerationFinishesTheOperationButLeavesTheTenant() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    begin(op, tenant).orElseThrow();
    data.setDesiredState(tenant, "STOPPED"); // a change lands while generation 1 is applied

    commands.finishApplied(op, tenant, 1, OperationStatus.SUCCEEDED);
    assertEquals("SUCCEEDED", data.operationStatus(op));
    assertEquals("PENDING", data.phase(tenant), "generation 2 keeps its own status");
    assertEquals("0", data.tenantValue("observed_generation::text", tenant));
  }

  @Test
  void finishAppliedCanSupersedeAndNeverReopensAFinishedOperation() {
    UUID tenant = data.insertTenant(TestTenants.uniqueSlug("store"));
    UUID stale = data.insertOperation(tenant, OperationType.CREATE, 1);
    long current = data.setDesiredState(tenant, "STOPPED");
    begin(stale, tenant).orElseThrow();
    commands.finishApplied(stale, tenant, current, OperationStatus.SUPERSEDED);
    assertEquals("SUPERSEDED", data.operationStatus(stale));
    assertEquals(Long.toString(current), data.tenantValue("observed_generation::text", tenant));

    UUID failed = data.insertOperation(tenant, OperationType.STOP, current);
    setOperationStatus(failed, OperationStatus.FAILED);
    commands.finishApplied(failed, tenant, current, OperationStatus.SUCCEEDED);
    assertEquals("FAILED", data.operationStatus(failed), "terminal operations never change");
  }

  private void setOperationStatus(UUID op, OperationStatus status) {
    data.execute("UPDATE operations SET status = $2 WHERE id = $1", Tuple.of(op, status.name()));
  }

  private void setTenant(UUID tenant, String phase, String lastError) {
    data.execute(
        "UPDATE tenants SET phase = $2, last_error = $3 WHERE id = $1",
        Tuple.of(tenant, phase, lastError));
  }
}
