package dev.slipway.api.operations;

import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An operation as stored.
 *
 * @param requestedByIssuer issuer of the JWT that asked for it; null when unknown (migration V10)
 * @param requestedBySubject subject of that JWT; null when unknown
 */
public record OperationRow(
    UUID id,
    UUID tenantId,
    OperationType type,
    OperationStatus status,
    long generation,
    int attempts,
    String lastError,
    OffsetDateTime queuedAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String requestedByIssuer,
    String requestedBySubject) {

  static final String COLUMNS =
      "id, tenant_id, type, status, generation, attempts, last_error, queued_at, started_at,"
          + " finished_at, requested_by_issuer, requested_by_subject";

  static OperationRow from(Row row) {
    return new OperationRow(
        row.getUUID("id"),
        row.getUUID("tenant_id"),
        OperationType.valueOf(row.getString("type")),
        OperationStatus.valueOf(row.getString("status")),
        row.getLong("generation"),
        row.getInteger("attempts"),
        row.getString("last_error"),
        row.getOffsetDateTime("queued_at"),
        row.getOffsetDateTime("started_at"),
        row.getOffsetDateTime("finished_at"),
        row.getString("requested_by_issuer"),
        row.getString("requested_by_subject"));
  }
}
