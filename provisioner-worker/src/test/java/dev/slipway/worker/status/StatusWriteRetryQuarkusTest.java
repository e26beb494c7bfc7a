package dev.slipway.worker.status;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A status write that fails is retried, so a tenant stopped while PostgreSQL was away does not read
 * RUNNING until the next resync (5 minutes). The outage is a trigger in the real database that
 * refuses this tenant's phase changes, as a restarting server refuses every write.
 */
@QuarkusTest
class StatusWriteRetryQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject MeterRegistry registry;

  @Test
  void aStopRecordedWhileTheDatabaseRefusedStatusWritesIsWrittenOnceItAccepts() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("retry");
    UUID tenant = data.insertTenant(slug);
    UUID create = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(create, OperationType.CREATE, tenant, slug, 1), create.toString());
    await().atMost(WAIT).until(() -> "RUNNING".equals(data.phase(tenant)));

    String trigger = "refuse_" + slug.replace('-', '_');
    refusePhaseChanges(data, trigger, tenant);
    try {
      long generation = data.setDesiredState(tenant, "STOPPED");
      UUID stop = data.insertOperation(tenant, OperationType.STOP, generation);
      data.send(data.command(stop, OperationType.STOP, tenant, slug, generation), stop.toString());
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(stop)));
      await().atMost(WAIT).until(() -> pendingWrites() >= 1);
      assertEquals("RUNNING", data.phase(tenant), "the refused writes changed nothing");
    } finally {
      data.execute("DROP TRIGGER " + trigger + " ON tenants", Tuple.tuple());
    }
    // No Deployment event comes any more: only the retry can write the phase.
    await().atMost(WAIT).until(() -> "STOPPED".equals(data.phase(tenant)));
    assertEquals("0", data.tenantValue("ready_replicas::text", tenant));
  }

  private static void refusePhaseChanges(TestTenants data, String trigger, UUID tenant) {
    data.execute(
        "CREATE OR REPLACE FUNCTION slipway_test_refuse() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION 'status writes refused by the test'; END $$",
        Tuple.tuple());
    // DDL takes no parameters; the id is a UUID this test generated.
    data.execute(
        "CREATE TRIGGER "
            + trigger
            + " BEFORE UPDATE ON tenants FOR EACH ROW WHEN (OLD.id = '"
            + tenant
            + "' AND NEW.phase IS DISTINCT FROM OLD.phase) EXECUTE FUNCTION slipway_test_refuse()",
        Tuple.tuple());
  }

  private double pendingWrites() {
    return registry.find(MetricNames.STATUS_WRITES_PENDING).gauge().value();
  }
}
