package dev.slipway.api.bench;

import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.common.model.TenantJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A fleet of {@code n} tenants made with set-based SQL (seconds for 100,000, where the API would
 * take minutes): the mix a fleet of that size has, each tenant with its CREATE operation and the
 * outbox row the relay sent for it. Slugs are hashes of the sequence number, so the table's
 * physical order is not the slug order a listing pages in.
 *
 * <ul>
 *   <li>plans: 1 % {@code large}, 20 % {@code standard}, the rest {@code small};
 *   <li>phases: 2 % FAILED, 10 % STOPPED, 5 % DELETED (kept for audit), the rest RUNNING;
 *   <li>labels: {@code team=t0..t49} (2 % each), {@code env=prod} (25 %) or {@code staging}.
 * </ul>
 */
final class ScaleFill {
  private final DataSource db;
  private final PlanCatalog plans;

  ScaleFill(DataSource db, PlanCatalog plans) {
    this.db = db;
    this.plans = plans;
  }

  /** Adds tenants numbered {@code from} (inclusive) to {@code to}, then refreshes statistics. */
  void fill(int from, int to) throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(TENANTS)) {
        s.setString(1, sizing("small"));
        s.setString(2, sizing("standard"));
        s.setString(3, sizing("large"));
        s.setInt(4, from);
        s.setInt(5, to - 1);
        s.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(OPERATIONS);
        s.executeUpdate(OUTBOX);
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        // What autovacuum's analyze would do after a bulk load; without it the planner guesses.
        s.execute("VACUUM ANALYZE tenants");
        s.execute("VACUUM ANALYZE operations");
        s.execute("VACUUM ANALYZE outbox");
      }
    }
  }

  private String sizing(String plan) {
    return TenantJson.write(plans.require(plan).sizing());
  }

  private static final String TENANTS =
      "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, generation,"
          + " gateway_url, plan, sizing, namespace, phase, observed_generation, ready_replicas,"
          + " labels, created_at)"
          + " SELECT gen_random_uuid(), slug, desired, 1, 'not-a-token', 1,"
          + " 'wss://' || slug || '.example.com', plan,"
          + " (CASE plan WHEN 'small' THEN ? WHEN 'standard' THEN ? ELSE ? END)::jsonb,"
          + " 'tenants', phase, 1, 1,"
          + " jsonb_build_object('team', 't' || (i % 50),"
          + "   'env', CASE WHEN i % 4 = 0 THEN 'prod' ELSE 'staging' END),"
          + " now() - (i || ' seconds')::interval"
          + " FROM (SELECT i, 'sc' || substr(md5(i::text), 1, 14) AS slug,"
          + "   CASE WHEN i % 100 = 0 THEN 'large' WHEN i % 10 IN (1, 2) THEN 'standard'"
          + "     ELSE 'small' END AS plan,"
          + "   CASE WHEN i % 100 IN (3, 4) THEN 'FAILED' WHEN i % 100 BETWEEN 5 AND 14"
          + "     THEN 'STOPPED' WHEN i % 100 BETWEEN 15 AND 19 THEN 'DELETED'"
          + "     ELSE 'RUNNING' END AS phase,"
          + "   CASE WHEN i % 100 BETWEEN 5 AND 14 THEN 'STOPPED' WHEN i % 100 BETWEEN 15 AND 19"
          + "     THEN 'DELETED' ELSE 'RUNNING' END AS desired"
          + "   FROM generate_series(?::int, ?::int) AS i) g";

  private static final String OPERATIONS =
      "INSERT INTO operations (id, tenant_id, type, status, generation, attempts, queued_at,"
          + " started_at, finished_at)"
          + " SELECT gen_random_uuid(), t.id, 'CREATE', 'SUCCEEDED', 1, 1, t.created_at,"
          + " t.created_at, t.created_at FROM tenants t"
          + " WHERE NOT EXISTS (SELECT 1 FROM operations o WHERE o.tenant_id = t.id)";

  private static final String OUTBOX =
      "INSERT INTO outbox (operation_id, group_id, body, created_at, sent_at, attempts)"
          + " SELECT o.id, o.tenant_id::text, '{\"v\":1}', o.queued_at, o.queued_at, 1"
          + " FROM operations o WHERE NOT EXISTS (SELECT 1 FROM outbox b WHERE b.operation_id"
          + " = o.id)";
}
