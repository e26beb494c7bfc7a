package dev.slipway.api.rollouts;

import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The promotion a rollout makes when it succeeds (table fleet_versions, migration V13): only when
 * it covered every tenant that follows the fleet. Creating a version is {@link
 * dev.slipway.api.fleet.FleetVersions}' (the one writer of new versions).
 */
public final class RolloutFleetVersions {
  private RolloutFleetVersions() {}

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
