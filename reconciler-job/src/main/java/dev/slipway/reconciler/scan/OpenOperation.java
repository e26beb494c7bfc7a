package dev.slipway.reconciler.scan;

import dev.slipway.common.model.OperationType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An operation not finished yet (QUEUED or RUNNING), with what a re-enqueue needs of its tenant.
 *
 * @param since when it was queued, or when the worker started it if it did
 */
public record OpenOperation(
    UUID id,
    UUID tenantId,
    String slug,
    long tenantGeneration,
    OperationType type,
    String status,
    OffsetDateTime since) {

  public boolean stuck(OffsetDateTime now, Duration threshold) {
    return since.plus(threshold).isBefore(now);
  }
}
