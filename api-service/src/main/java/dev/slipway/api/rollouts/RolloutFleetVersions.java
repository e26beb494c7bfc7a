package dev.slipway.api.rollouts;

import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.UUID;

/**
 * The fleet versions a rollout creates and promotes (table fleet_versions, migration V13). The
 * bootstrap of version 1 (from the tag of slipway.fleet.image) belongs to the fleet service; until
 * one exists here, {@link #create} writes it first itself, so a rollout works on an empty table.
 */
public final class RolloutFleetVersions {
  private RolloutFleetVersions() {}

  /** A fleet version and what it sets. */
  public record Version(int version, String imageVersion, String gatewayConfig) {}

  /**
   * A new fleet version with {@code imageVersion} (null: the default's) and the default's gateway
   * config merged with {@code gatewayPatch} (JSON object; "{}" for none). Serialised by an advisory
   * lock, so two rollouts never take the same number.
   */
  public static Version create(
      SqlConnection c,
      String configImageTag,
      String imageVersion,
      String gatewayPatch,
      String reason,
      String actor,
      UUID rollout) {
    Tx.rows(c, "SELECT pg_advisory_xact_lock(hashtext('slipway.fleet_versions'))");
    Tx.update(
        c,
        "INSERT INTO fleet_versions (version, image_version, reason, created_by, promoted_at)"
            + " SELECT 1, $1, 'bootstrap: the tag of slipway.fleet.image', 'slipway', now()"
            + " WHERE NOT EXISTS (SELECT 1 FROM fleet_versions)",
        configImageTag);
    var current = defaultVersion(c);
    var rows =
        Tx.rows(
            c,
            "INSERT INTO fleet_versions (version, image_version, gateway_config, reason, created_by,"
                + " rollout_id) SELECT max(version) + 1, $1, $2::text::jsonb || $3::text::jsonb,"
                + " $4, $5, $6 FROM fleet_versions"
                + " RETURNING version, image_version, gateway_config::text AS gateway_config",
            imageVersion == null ? current.imageVersion() : imageVersion,
            current.gatewayConfig(),
            gatewayPatch,
            reason,
            actor,
            rollout);
    var r = rows.get(0);
    return new Version(
        r.getInteger("version"), r.getString("image_version"), r.getString("gateway_config"));
  }

  /** The newest promoted version: what tenants that follow the fleet get. */
  public static Version defaultVersion(SqlConnection c) {
    List<io.vertx.mutiny.sqlclient.Row> rows =
        Tx.rows(
            c,
            "SELECT version, image_version, gateway_config::text AS gateway_config"
                + " FROM fleet_versions WHERE promoted_at IS NOT NULL"
                + " ORDER BY version DESC LIMIT 1");
    var r = rows.get(0);
    return new Version(
        r.getInteger("version"), r.getString("image_version"), r.getString("gateway_config"));
  }

  /**
   * Promotes {@code version} when no live tenant that follows the fleet is left on another one: a
   * rollout whose selector covered every following tenant. True when promoted.
   */
  public static boolean promoteIfCovering(SqlConnection c, int version) {
    return Tx.update(
            c,
            "UPDATE fleet_versions SET promoted_at = now() WHERE version = $1"
                + " AND promoted_at IS NULL AND NOT EXISTS (SELECT 1 FROM tenants"
                + " WHERE image_version IS NULL AND phase <> 'DELETED' AND deleted_at IS NULL"
                + " AND fleet_version IS DISTINCT FROM $1)",
            version)
        == 1;
  }
}
