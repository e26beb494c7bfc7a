package dev.slipway.reconciler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the reconciler connects as its own role, slipway_reconciler, which reads tenants,
 * operations and the outbox, queues RECONCILE operations, repairs observed status and records its
 * runs (afterMigrate.sql); everything else is refused by PostgreSQL itself (42501). What it may do
 * is proven by every other reconciler test, which runs as this role.
 */
@QuarkusTest
class DatabaseRolesQuarkusTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Inject Pool pool;

  @Test
  void theReconcilerConnectsAsItsOwnRole() {
    assertEquals("slipway_reconciler", single("SELECT current_user::text AS v"));
  }

  @Test
  void theReconcilerCannotChangeWhatTheApiDecides() {
    for (String sql :
        List.of(
            "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, gateway_url)"
                + " VALUES (gen_random_uuid(), 'forged', 'RUNNING', 1, 'x', 'wss://x')",
            "UPDATE tenants SET desired_state = 'STOPPED'",
            "UPDATE tenants SET generation = generation + 1",
            "UPDATE tenants SET gateway_token = 'x'",
            "UPDATE tenants SET observed_generation = 0",
            "DELETE FROM tenants",
            "DELETE FROM operations",
            "DELETE FROM outbox",
            "UPDATE outbox SET sent_at = now()",
            "DELETE FROM reconcile_runs",
            "CREATE TABLE reconciler_owned (id int)")) {
      assertRefused(sql);
    }
  }

  @Test
  void theReconcilerReadsNoStoredResponsesOrOpsRecords() {
    for (String table : List.of("idempotency_keys", "ops_audit", "ops_jobs")) {
      assertRefused("SELECT count(*) FROM " + table);
    }
  }

  private void assertRefused(String sql) {
    PgException e =
        assertThrows(
            PgException.class, () -> pool.query(sql).execute().await().atMost(TIMEOUT), sql);
    assertEquals(INSUFFICIENT_PRIVILEGE, e.getSqlState(), sql + ": " + e.getMessage());
  }

  private String single(String sql) {
    return pool.query(sql).execute().await().atMost(TIMEOUT).iterator().next().getString("v");
  }
}
