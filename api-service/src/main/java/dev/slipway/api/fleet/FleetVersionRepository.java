package dev.slipway.api.fleet;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes {@code fleet_versions} and the fleet columns of {@code tenants}. */
@ApplicationScoped
class FleetVersionRepository {
  /** Serializes version numbering and the bootstrap across API replicas (transaction-scoped). */
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('slipway.fleet'))";

  private static final String CURRENT =
      "SELECT "
          + FleetVersion.COLUMNS
          + " FROM fleet_versions WHERE promoted_at IS NOT NULL"
          + " ORDER BY promoted_at DESC, version DESC LIMIT 1";

  Uni<Void> lock(SqlClient tx) {
    return tx.query(LOCK).execute().replaceWithVoid();
  }

  Uni<Optional<FleetVersion>> current(SqlClient client) {
    return client.query(CURRENT).execute().map(rows -> first(rows.iterator()));
  }

  Uni<Optional<FleetVersion>> find(SqlClient client, int version) {
    return client
        .preparedQuery("SELECT " + FleetVersion.COLUMNS + " FROM fleet_versions WHERE version = $1")
        .execute(Tuple.of(version))
        .map(rows -> first(rows.iterator()));
  }

  /** Every version, newest first. */
  Uni<List<FleetVersion>> all(SqlClient client) {
    return client
        .query("SELECT " + FleetVersion.COLUMNS + " FROM fleet_versions ORDER BY version DESC")
        .execute()
        .map(
            rows -> {
              List<FleetVersion> out = new ArrayList<>();
              rows.forEach(r -> out.add(from(r)));
              return out;
            });
  }

  /** Inserts the next version number; call under {@link #lock}. */
  Uni<FleetVersion> insertNext(
      SqlClient tx,
      String imageVersion,
      String gatewayConfig,
      String reason,
      String actor,
      UUID rolloutId,
      boolean promoted) {
    return tx.preparedQuery(
            "INSERT INTO fleet_versions (version, image_version, gateway_config, reason,"
                + " created_by, rollout_id, promoted_at)"
                + " SELECT coalesce(max(version), 0) + 1, $1, $2::text::jsonb, $3, $4, $5,"
                + " CASE WHEN $6 THEN clock_timestamp() END FROM fleet_versions RETURNING "
                + FleetVersion.COLUMNS)
        .execute(
            Tuple.from(
                new Object[] {imageVersion, gatewayConfig, reason, actor, rolloutId, promoted}))
        .map(rows -> from(rows.iterator().next()));
  }

  Uni<Optional<FleetVersion>> promote(SqlClient tx, int version) {
    return tx.preparedQuery(
            "UPDATE fleet_versions SET promoted_at = clock_timestamp() WHERE version = $1"
                + " RETURNING "
                + FleetVersion.COLUMNS)
        .execute(Tuple.of(version))
        .map(rows -> first(rows.iterator()));
  }

  /** Version 1 from {@code imageVersion} when the table is empty; call under {@link #lock}. */
  Uni<Boolean> insertFirst(SqlClient tx, String imageVersion) {
    return tx.preparedQuery(
            "INSERT INTO fleet_versions (version, image_version, gateway_config, reason,"
                + " created_by, promoted_at)"
                + " SELECT 1, $1, '{}', 'bootstrap', 'slipway-api', now()"
                + " WHERE NOT EXISTS (SELECT 1 FROM fleet_versions)"
                + " ON CONFLICT (version) DO NOTHING")
        .execute(Tuple.of(imageVersion))
        .map(rows -> rows.rowCount() > 0);
  }

  /**
   * Gives up to {@code limit} tenants without a fleet version version 1 and its image version; the
   * number changed. SKIP LOCKED: a row a tenant write holds is taken by a later page or replica.
   */
  Uni<Integer> assignFirst(SqlClient client, int limit) {
    return client
        .preparedQuery(
            "WITH page AS (SELECT id FROM tenants WHERE fleet_version IS NULL LIMIT $1"
                + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE tenants t SET fleet_version = v.version,"
                + " fleet_image_version = v.image_version"
                + " FROM page, fleet_versions v WHERE t.id = page.id AND v.version = 1")
        .execute(Tuple.of(limit))
        .map(rows -> rows.rowCount());
  }

  /** Live tenants following each version (image not pinned), by version; and the pinned ones. */
  Uni<Counts> counts(SqlClient client) {
    return client
        .query(
            "SELECT fleet_version, image_version IS NOT NULL AS pinned, count(*) AS n"
                + " FROM tenants WHERE phase <> 'DELETED' GROUP BY 1, 2")
        .execute()
        .map(
            rows -> {
              Map<Integer, Long> following = new LinkedHashMap<>();
              long pinned = 0;
              long unassigned = 0;
              for (Row r : rows) {
                long n = r.getLong("n");
                Integer version = r.getInteger("fleet_version");
                if (r.getBoolean("pinned")) {
                  pinned += n;
                } else if (version == null) {
                  unassigned += n;
                } else {
                  following.merge(version, n, Long::sum);
                }
              }
              return new Counts(following, pinned, unassigned);
            });
  }

  /** Tenant counts for {@code GET /v1/fleet}. */
  record Counts(Map<Integer, Long> following, long pinned, long unassigned) {}

  private static Optional<FleetVersion> first(java.util.Iterator<Row> rows) {
    return rows.hasNext() ? Optional.of(from(rows.next())) : Optional.empty();
  }

  private static FleetVersion from(Row r) {
    return new FleetVersion(
        r.getInteger("version"),
        r.getString("image_version"),
        GatewayPatch.parse(r.getString("gateway_config")),
        r.getString("reason"),
        r.getString("created_by"),
        r.getOffsetDateTime("created_at"),
        r.getUUID("rollout_id"),
        r.getOffsetDateTime("promoted_at"));
  }
}
