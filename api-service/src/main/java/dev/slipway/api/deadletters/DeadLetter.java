package dev.slipway.api.deadletters;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.command.InvalidCommandException;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One message received from the dead-letter queue, its body decoded once.
 *
 * @param receiptHandle the handle of the latest receive (an older one no longer works)
 * @param groupId the message group: the tenant id
 * @param command the decoded command, null when the body is unreadable
 * @param unreadable why the body could not be decoded (never the body itself), or null
 */
public record DeadLetter(
    String messageId,
    String receiptHandle,
    String groupId,
    String body,
    CommandEnvelope command,
    String unreadable,
    int receiveCount,
    Instant sentAt,
    Instant firstReceivedAt) {

  static DeadLetter of(Message m) {
    Map<MessageSystemAttributeName, String> a = m.attributes();
    CommandEnvelope command = null;
    String unreadable = null;
    try {
      command = CommandCodec.decode(m.body());
    } catch (InvalidCommandException e) {
      unreadable = e.getMessage();
    }
    return new DeadLetter(
        m.messageId(),
        m.receiptHandle(),
        a.get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
        m.body(),
        command,
        unreadable,
        parseInt(a.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)),
        millis(a.get(MessageSystemAttributeName.SENT_TIMESTAMP)),
        millis(a.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)));
  }

  /** The same message as received again: only the receipt handle and the count change. */
  DeadLetter receivedAgain(DeadLetter latest) {
    return new DeadLetter(
        messageId,
        latest.receiptHandle,
        groupId,
        body,
        command,
        unreadable,
        latest.receiveCount,
        sentAt,
        firstReceivedAt);
  }

  /** The tenant the message is for: its group id (the outbox sets it to the tenant id). */
  public String tenantId() {
    return groupId;
  }

  private static int parseInt(String value) {
    return value == null ? 0 : Integer.parseInt(value);
  }

  private static Instant millis(String value) {
    return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
  }

  @Override
  public String toString() {
    // Never the body or the receipt handle in logs.
    return "DeadLetter[" + messageId + ", group " + groupId + "]";
  }
}
