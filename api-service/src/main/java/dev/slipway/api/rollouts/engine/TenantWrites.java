package dev.slipway.api.rollouts.engine;

import dev.slipway.api.rollouts.Tx;
import dev.slipway.api.rollouts.planning.Snapshot;
import dev.slipway.common.model.TenantJson;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engine's writes of many tenants at once, one statement each over arrays (UNNEST) instead of
 * one round trip per tenant: a step that changes 200 tenants costs a handful of statements, so the
 * rollout's bookkeeping stays small beside the fleet's own apply rate (docs/benchmarks.md, issue
 * 23).
 */
final class TenantWrites {
  private TenantWrites() {}

  /** A tenant's new settings, as a PATCH writes them. */
  record Write(UUID tenant, Snapshot settings) {}

  /** Writes the settings and a new generation of each tenant; returns each one's generation. */
  static Map<UUID, Long> settings(SqlConnection c, List<Write> writes) {
    Map<UUID, Long> generations = new HashMap<>();
    if (writes.isEmpty()) {
      return generations;
    }
    int n = writes.size();
    UUID[] ids = new UUID[n];
    String[] plans = new String[n];
    String[] sizings = new String[n];
    Integer[] replicas = new Integer[n];
    String[] images = new String[n];
    Integer[] fleetVersions = new Integer[n];
    String[] fleetImages = new String[n];
    String[] gateways = new String[n];
    for (int i = 0; i < n; i++) {
      Snapshot s = writes.get(i).settings();
      ids[i] = writes.get(i).tenant();
      plans[i] = s.plan();
      sizings[i] = TenantJson.write(s.sizing());
      replicas[i] = s.sizing().startedReplicas();
      images[i] = s.imageVersion();
      fleetVersions[i] = s.fleetVersion();
      fleetImages[i] = s.fleetImageVersion();
      gateways[i] = TenantJson.write(s.gatewayConfig());
    }
    Tx.rows(
            c,
            "UPDATE tenants t SET plan = u.plan, sizing = u.sizing::jsonb, replicas = u.replicas,"
                + " image_version = u.image, fleet_version = u.fleet_version,"
                + " fleet_image_version = u.fleet_image, gateway_config = u.gateway::jsonb,"
                + " generation = t.generation + 1, updated_at = now()"
                + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[],"
                + " $6::int[], $7::text[], $8::text[])"
                + " AS u(id, plan, sizing, replicas, image, fleet_version, fleet_image, gateway)"
                + " WHERE t.id = u.id RETURNING t.id, t.generation",
            ids,
            plans,
            sizings,
            replicas,
            images,
            fleetVersions,
            fleetImages,
            gateways)
        .forEach(r -> generations.put(r.getUUID("id"), r.getLong("generation")));
    return generations;
  }

  /** The rollout's tenants now changing: their settings before, and the generation to gate on. */
  static void changing(
      SqlConnection c, UUID rollout, List<UUID> tenants, List<String> before, List<Long> gens) {
    if (tenants.isEmpty()) {
      return;
    }
    Tx.update(
        c,
        "UPDATE rollout_tenants rt SET state = 'CHANGING', before = u.before::jsonb,"
            + " target_generation = u.generation, changed_at = now()"
            + " FROM unnest($2::uuid[], $3::text[], $4::bigint[]) AS u(tenant, before, generation)"
            + " WHERE rt.rollout_id = $1 AND rt.tenant_id = u.tenant",
        rollout,
        tenants.toArray(UUID[]::new),
        before.toArray(String[]::new),
        gens.toArray(Long[]::new));
  }

  /** The rollout's tenants settled without a change (SKIPPED or READY), each with its reason. */
  static void settled(
      SqlConnection c, UUID rollout, List<UUID> tenants, List<String> states, List<String> why) {
    if (tenants.isEmpty()) {
      return;
    }
    Tx.update(
        c,
        "UPDATE rollout_tenants rt SET state = u.state, detail = u.detail, settled_at = now()"
            + " FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(tenant, state, detail)"
            + " WHERE rt.rollout_id = $1 AND rt.tenant_id = u.tenant",
        rollout,
        tenants.toArray(UUID[]::new),
        states.toArray(String[]::new),
        why.toArray(String[]::new));
  }

  /** The rollout's tenants rolled back, each at the generation of its rollback. */
  static void rolledBack(SqlConnection c, UUID rollout, List<UUID> tenants, List<Long> gens) {
    if (tenants.isEmpty()) {
      return;
    }
    Tx.update(
        c,
        "UPDATE rollout_tenants rt SET state = 'ROLLED_BACK', settled_at = now(),"
            + " detail = coalesce(rt.detail || '; ', '') || 'rolled back at generation '"
            + " || u.generation FROM unnest($2::uuid[], $3::bigint[]) AS u(tenant, generation)"
            + " WHERE rt.rollout_id = $1 AND rt.tenant_id = u.tenant",
        rollout,
        tenants.toArray(UUID[]::new),
        gens.toArray(Long[]::new));
  }

  /**
   * Records one tenant's outcome in its rollout; {@code why} may be null (an exception without a
   * message).
   */
  static void settle(SqlConnection c, UUID rollout, UUID tenant, String state, String why) {
    settled(c, rollout, List.of(tenant), List.of(state), java.util.Collections.singletonList(why));
  }
}
