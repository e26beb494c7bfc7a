package dev.slipway.reconciler.scan;

import dev.slipway.common.model.OperationType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An operation not finished yet (QUEUED or RUNNING), with what a re-enqueue needs of its tenant.
 *
 * @param since when it was queued, or when the worker started it if it did
 * @param sentAt when the relay published its command; null while unpublished (or once the outbox
 *     row is past its retention)
 */
public record OpenOperation(
    UUID id,
    UUID tenantId,
    String slug,
    long tenantGeneration,
    OperationType type,
    String status,
    OffsetDateTime since,
    OffsetDateTime sentAt) {

  public boolean stuck(OffsetDateTime now, Duration threshold) {
    return since.plus(threshold).isBefore(now);
  }

  /**
   * Published at least {@code lostAfter} before {@code now}: if the queue holds no message at all,
   * this operation's message is gone.
   */
  public boolean publishedBefore(OffsetDateTime now, Duration lostAfter) {
    return sentAt != null && !sentAt.plus(lostAfter).isAfter(now);
  }
}
