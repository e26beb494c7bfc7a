package dev.slipway.api.tenants;

import dev.slipway.api.tenants.labels.Labels;
import dev.slipway.common.model.Condition;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.model.TenantJson;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant as stored, without its gateway token (the API never reads the token back). */
public record TenantRow(
    UUID id,
    String slug,
    DesiredState desiredState,
    int replicas,
    Sizing sizing,
    String imageVersion,
    GatewayConfig gatewayConfig,
    long generation,
    Phase phase,
    long observedGeneration,
    int readyReplicas,
    String gatewayUrl,
    String lastError,
    List<Condition> conditions,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String namespace,
    Lifecycle lifecycle,
    Integer fleetVersion,
    String fleetImageVersion,
    Map<String, String> labels,
    Frozen frozen) {

  /** Columns to select for {@link #from(Row)}. */
  public static final String COLUMNS =
      "id, slug, desired_state, replicas, sizing::text AS sizing, image_version,"
          + " gateway_config::text AS gateway_config, generation, phase, observed_generation,"
          + " ready_replicas, gateway_url, last_error, conditions::text AS conditions, created_at,"
          + " updated_at, namespace, fleet_version, fleet_image_version, labels::text AS labels,"
          + " frozen_at, frozen_by, frozen_reason, "
          + Lifecycle.COLUMNS;

  /** The settings an update may change. */
  public TenantSettings settings() {
    return new TenantSettings(sizing, imageVersion, gatewayConfig);
  }

  /**
   * The image version the tenant's Deployment runs: the pinned one, else its fleet version's; null
   * only for a row from before the fleet bootstrap (then the tag of slipway.fleet.image).
   */
  public String effectiveImageVersion() {
    return imageVersion != null ? imageVersion : fleetImageVersion;
  }

  public String plan() {
    return sizing.plan();
  }

  /** Whether the tenant is soft-deleted and not yet purged. */
  public boolean softDeleted() {
    return lifecycle.deletedAt() != null && lifecycle.purgedAt() == null;
  }

  public static TenantRow from(Row row) {
    return new TenantRow(
        row.getUUID("id"),
        row.getString("slug"),
        DesiredState.valueOf(row.getString("desired_state")),
        row.getInteger("replicas"),
        TenantJson.sizing(row.getString("sizing")),
        row.getString("image_version"),
        TenantJson.gatewayConfig(row.getString("gateway_config"), row.getString("slug")),
        row.getLong("generation"),
        Phase.valueOf(row.getString("phase")),
        row.getLong("observed_generation"),
        row.getInteger("ready_replicas"),
        row.getString("gateway_url"),
        row.getString("last_error"),
        TenantJson.conditions(row.getString("conditions")),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"),
        row.getString("namespace"),
        Lifecycle.from(row),
        row.getInteger("fleet_version"),
        row.getString("fleet_image_version"),
        Labels.read(row.getString("labels")),
        row.getOffsetDateTime("frozen_at") == null
            ? null
            : new Frozen(
                row.getString("frozen_reason"),
                row.getString("frozen_by"),
                row.getOffsetDateTime("frozen_at")));
  }
}
