package dev.slipway.api.tenants.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The purge sweep against the real database: it purges deleted tenants past their grace period
 * through the outbox, audited, once; it leaves the others alone. The timer is off in tests
 * (application.properties): each test runs a sweep itself.
 */
@QuarkusTest
class PurgeSweepQuarkusTest {
  @Inject PurgeSweep sweep;
  @Inject Pool pool;
  @Inject MeterRegistry registry;

  @Test
  void expiredTenantsArePurgedOnceThroughTheOutboxAndAudited() {
    String expired = deleted();
    String young = deleted();
    String held = deleted();
    expire(expired);
    expire(held);
    sql("UPDATE tenants SET deletion_protection = 'legal hold' WHERE slug = $1", held);
    double before = purges();

    int purged = sweep.sweep().await().atMost(Duration.ofSeconds(10));

    assertTrue(purged >= 1, "at least ours (other tests may leave expired tenants)");
    TenantSafetyQuarkusTest.admin()
        .get(TenantSafetyQuarkusTest.path(expired))
        .then()
        .body("lifecycle", equalTo("PURGED"))
        .body("desiredState", equalTo("DELETED"));
    TenantSafetyQuarkusTest.admin()
        .get(TenantSafetyQuarkusTest.path(expired) + "/operations")
        .then()
        .body("items[0].type", equalTo("DELETE"));
    assertEquals(
        1L,
        count(
            "SELECT count(*) FROM outbox o JOIN operations p ON p.id = o.operation_id"
                + " JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = $1 AND p.type = 'DELETE'"
                + " AND p.requested_by_subject = 'system:purge-sweep'",
            expired));
    assertEquals(
        1L,
        count(
            "SELECT count(*) FROM ops_audit WHERE target = $1 AND action LIKE 'tenant.purge%'",
            expired));
    assertEquals(
        1L,
        count(
            "SELECT count(*) FROM ops_audit WHERE target = $1 AND action = 'tenant.purge'"
                + " AND actor = 'system:purge-sweep' AND reason LIKE 'grace period of %'",
            expired));
    for (String untouched : List.of(young, held)) {
      TenantSafetyQuarkusTest.admin()
          .get(TenantSafetyQuarkusTest.path(untouched))
          .then()
          .body("lifecycle", equalTo("DELETED"));
    }
    assertTrue(purges() >= before + 1);

    // A second sweep finds nothing more to do for it: one purge, one command.
    sweep.sweep().await().atMost(Duration.ofSeconds(10));
    assertEquals(
        1L,
        count(
            "SELECT count(*) FROM operations p JOIN tenants t ON t.id = p.tenant_id"
                + " WHERE t.slug = $1 AND p.type = 'DELETE'",
            expired));
  }

  @Test
  void lifecycleGaugeCountsDeletedTenants() {
    // The baseline from the database, not the gauge: the gauge may not yet show other tests'
    // restores and purges, which would cancel out ours.
    long before =
        count(
            "SELECT count(*) FROM tenants WHERE deleted_at IS NOT NULL AND purged_at IS NULL"
                + " AND slug <> $1",
            "");
    deleted();
    await().atMost(Duration.ofSeconds(10)).until(() -> gauge("deleted") >= before + 1);
  }

  private double purges() {
    var counter =
        registry.find(MetricNames.TENANT_PURGES).tag(MetricNames.TAG_TRIGGER, "sweep").counter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String state) {
    return registry
        .get(MetricNames.TENANTS_BY_LIFECYCLE)
        .tag(MetricNames.TAG_STATE, state)
        .gauge()
        .value();
  }

  private static String deleted() {
    String slug = TenantSafetyQuarkusTest.created();
    TenantSafetyQuarkusTest.admin()
        .delete(TenantSafetyQuarkusTest.path(slug))
        .then()
        .statusCode(202);
    return slug;
  }

  private void expire(String slug) {
    sql("UPDATE tenants SET purge_after = now() - interval '1 minute' WHERE slug = $1", slug);
  }

  private void sql(String statement, String slug) {
    pool.preparedQuery(statement).execute(Tuple.of(slug)).await().atMost(Duration.ofSeconds(5));
  }

  private long count(String query, String slug) {
    return pool.preparedQuery(query)
        .execute(Tuple.of(slug))
        .await()
        .atMost(Duration.ofSeconds(5))
        .iterator()
        .next()
        .getLong(0);
  }
}
