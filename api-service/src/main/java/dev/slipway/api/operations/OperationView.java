package dev.slipway.api.operations;

import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An operation as the API shows it. */
public record OperationView(
    UUID id,
    UUID tenantId,
    OperationType type,
    OperationStatus status,
    long generation,
    int attempts,
    String lastError,
    OffsetDateTime queuedAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  public static OperationView of(OperationRow row) {
    return new OperationView(
        row.id(),
        row.tenantId(),
        row.type(),
        row.status(),
        row.generation(),
        row.attempts(),
        row.lastError(),
        row.queuedAt(),
        row.startedAt(),
        row.finishedAt());
  }
}
