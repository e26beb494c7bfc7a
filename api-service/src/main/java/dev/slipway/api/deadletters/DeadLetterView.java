package dev.slipway.api.deadletters;

import java.time.Instant;

/**
 * A dead letter in listings. The body is never echoed: a readable one is shown decoded, an
 * unreadable one only by why it is unreadable and its length.
 *
 * @param tenantId the message group id
 * @param unreadable why the body could not be decoded; null for a readable command
 * @param receiveCount ApproximateReceiveCount in the dead-letter queue: peeks (the worker moves a
 *     message as a new copy; the operation counts its attempts)
 * @param failureReason the operation's last error, recorded by the worker
 * @param operationStatus the operation's status in the database, null when unknown
 */
public record DeadLetterView(
    String messageId,
    String tenantId,
    String slug,
    String type,
    String operationId,
    Long generation,
    String unreadable,
    Integer bodyLength,
    int receiveCount,
    Instant sentAt,
    Instant firstReceivedAt,
    long ageSeconds,
    String failureReason,
    String operationStatus) {

  static DeadLetterView of(DeadLetterItem item) {
    DeadLetter m = item.message();
    var c = m.command();
    return new DeadLetterView(
        m.messageId(),
        m.groupId(),
        c == null ? null : c.slug(),
        c == null ? null : c.type().name(),
        c == null ? null : c.commandId().toString(),
        c == null ? null : c.generation(),
        m.unreadable(),
        c == null && m.body() != null ? m.body().length() : null,
        m.receiveCount(),
        m.sentAt(),
        m.firstReceivedAt(),
        item.age().toSeconds(),
        item.failure() == null ? null : item.failure().lastError(),
        item.failure() == null ? null : item.failure().status());
  }
}
