package dev.slipway.api.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of {@code fleet_versions} (migration V13): a fleet default gateway image version and
 * gateway config.
 *
 * @param version 1, 2, ...: what {@code tenants.fleet_version} refers to
 * @param imageVersion the image tag or digest tenants following this version run ({@code
 *     tenants.fleet_image_version} holds a copy)
 * @param gatewayConfig a JSON merge patch (RFC 7386) over a plan's gateway config; {@code {}} keeps
 *     the plan's ({@link GatewayPatch})
 * @param rolloutId the rollout that created it, or null (the bootstrap)
 * @param promotedAt when it became the default new tenants get, or null while it is not one yet
 */
public record FleetVersion(
    int version,
    String imageVersion,
    JsonNode gatewayConfig,
    String reason,
    String createdBy,
    OffsetDateTime createdAt,
    UUID rolloutId,
    OffsetDateTime promotedAt) {

  /** Columns to select for {@link FleetVersionRepository}'s mapping. */
  static final String COLUMNS =
      "version, image_version, gateway_config::text AS gateway_config, reason, created_by,"
          + " created_at, rollout_id, promoted_at";
}
