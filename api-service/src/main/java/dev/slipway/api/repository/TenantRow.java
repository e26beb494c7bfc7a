package dev.slipway.api.repository;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant as stored, without its gateway token (the API never reads the token back). */
public record TenantRow(
    UUID id,
    String slug,
    DesiredState desiredState,
    int replicas,
    long generation,
    Phase phase,
    long observedGeneration,
    int readyReplicas,
    String gatewayUrl,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Columns to select for {@link #from(Row)}. */
  static final String COLUMNS =
      "id, slug, desired_state, replicas, generation, phase, observed_generation, ready_replicas,"
          + " gateway_url, last_error, created_at, updated_at";

  static TenantRow from(Row row) {
    return new TenantRow(
        row.getUUID("id"),
        row.getString("slug"),
        DesiredState.valueOf(row.getString("desired_state")),
        row.getInteger("replicas"),
        row.getLong("generation"),
        Phase.valueOf(row.getString("phase")),
        row.getLong("observed_generation"),
        row.getInteger("ready_replicas"),
        row.getString("gateway_url"),
        row.getString("last_error"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }
}
