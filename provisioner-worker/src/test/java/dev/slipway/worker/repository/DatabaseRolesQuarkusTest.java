package dev.slipway.worker.repository;

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
 * Issue 22: the worker connects as its own role, slipway_worker, which reads tenants and operations
 * and writes their status columns only (afterMigrate.sql); everything else is refused by PostgreSQL
 * itself (42501). What it may do is proven by every other worker test, which runs as this role.
 */
@QuarkusTest
class DatabaseRolesQuarkusTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Inject Pool pool;

  @Test
  void theWorkerConnectsAsItsOwnRole() {
    assertEquals("slipway_worker", single("SELECT current_user::text AS v"));
  }

  @Test
  void theWorkerCannotChangeWhatTheApiDecides() {
    for (String sql :
        List.of(
            "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, gateway_url)"
                + " VALUES (gen_random_uuid(), 'forged', 'RUNNING', 1, 'x', 'wss://x')",
            "UPDATE tenants SET desired_state = 'STOPPED'",
            "UPDATE tenants SET generation = generation + 1",
            "UPDATE tenants SET gateway_token = 'x'",
            "DELETE FROM tenants",
            "DELETE FROM operations",
            "INSERT INTO outbox (operation_id, group_id, body)"
                + " VALUES (gen_random_uuid(), 'g', 'b')",
            "UPDATE operations SET tenant_id = gen_random_uuid()",
            "CREATE TABLE worker_owned (id int)")) {
      assertRefused(sql);
    }
  }

  @Test
  void theWorkerReadsNothingButTenantsAndOperations() {
    for (String table :
        List.of("outbox", "idempotency_keys", "ops_audit", "ops_jobs", "reconcile_runs")) {
      assertRefused("SELECT count(*) FROM " + table);
    }
    single("SELECT count(*)::text AS v FROM tenants");
    single("SELECT count(*)::text AS v FROM operations");
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
