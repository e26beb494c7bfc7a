package dev.slipway.api.operations;

import dev.slipway.api.auth.FailureText;
import dev.slipway.api.auth.Requester;
import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An operation as the API shows it.
 *
 * @param lastError the failure as recorded for admins and ops; generic for a tenant token ({@link
 *     #withoutFailureDetail})
 * @param requestedBy who asked for it; null when unknown (operations from before migration V10, and
 *     the reconciler's repairs)
 */
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
    OffsetDateTime finishedAt,
    Requester requestedBy) {

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
        row.finishedAt(),
        row.requestedByIssuer() == null && row.requestedBySubject() == null
            ? null
            : new Requester(row.requestedByIssuer(), row.requestedBySubject()));
  }

  /** This view for a tenant token: a generic error naming the operation, never the raw text. */
  public OperationView withoutFailureDetail() {
    return lastError == null
        ? this
        : new OperationView(
            id,
            tenantId,
            type,
            status,
            generation,
            attempts,
            FailureText.operation(id),
            queuedAt,
            startedAt,
            finishedAt,
            requestedBy);
  }
}
