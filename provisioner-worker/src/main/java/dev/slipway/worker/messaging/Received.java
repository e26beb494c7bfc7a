package dev.slipway.worker.messaging;

import dev.slipway.shared.tracing.MessageTrace;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One received message while this worker holds it. It is settled exactly once: deleted, made
 * visible later (retry) or released. Whoever settles it first acts on it; a late second attempt
 * (work abandoned at shutdown finishing after all) must not touch the message any more.
 */
final class Received {
  private final Message message;
  private final AtomicBoolean settled = new AtomicBoolean();
  private volatile VisibilityHeartbeat.Beat beat = () -> {};

  Received(Message message) {
    this.message = message;
  }

  String id() {
    return message.messageId();
  }

  String body() {
    return message.body();
  }

  /** The sender's trace headers among the message attributes; empty when it set none. */
  Map<String, String> trace() {
    return MessageTrace.headers(message.messageAttributes());
  }

  /** The message attributes it was received with (those the receive asked for). */
  Map<String, MessageAttributeValue> attributes() {
    return message.messageAttributes();
  }

  String receiptHandle() {
    return message.receiptHandle();
  }

  /** The FIFO message group: the tenant id. */
  String group() {
    return message.attributes().getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, "");
  }

  int receiveCount() {
    return Integer.parseInt(
        message
            .attributes()
            .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
  }

  /** When the message was sent, by the queue's clock (now when the attribute is missing). */
  Instant sentAt() {
    String millis = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    return millis == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(millis));
  }

  void keepInvisible(VisibilityHeartbeat.Beat beat) {
    this.beat = beat;
  }

  /** True for the first caller only; stops the heartbeat so it cannot undo what follows. */
  boolean settle() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    beat.close();
    return true;
  }
}
