package dev.slipway.worker.messaging;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Settles held messages on the queue. Each action first settles the message in {@link
 * HeldMessages}, so a message is deleted, retried or released at most once by this worker. A failed
 * call is only logged: the message then reappears when its visibility runs out, and every handler
 * is idempotent.
 */
@ApplicationScoped
class QueueActions {
  private static final Logger LOG = Logger.getLogger(QueueActions.class);
  private final SqsClient sqs;
  private final HeldMessages held;
  private final String queueUrl;
  private final DeadLetterMove move;
  private final Counter released;

  private final DeleteBatcher deletes;

  QueueActions(SqsClient sqs, HeldMessages held, WorkerConfig config, MeterRegistry registry) {
    this.sqs = sqs;
    this.held = held;
    this.queueUrl = config.queueUrl();
    this.move = new DeadLetterMove(sqs, config.dlqUrl());
    this.released = registry.counter(MetricNames.MESSAGES_RELEASED);
    this.deletes = new DeleteBatcher(sqs, queueUrl);
  }

  /** Done with: delete it (batched with other finished messages). */
  void delete(Received message) {
    if (held.settle(message)) {
      deletes.delete(handle(message));
    }
  }

  /**
   * Moves it to the dead-letter queue: a copy is sent there ({@link DeadLetterMove}), then the
   * message is deleted.
   *
   * @return false when the copy could not be sent: the caller retries the message instead
   */
  boolean deadLetter(Received message) {
    if (!move.copy(message)) {
      return false;
    }
    delete(message);
    return true;
  }

  /** Bean destruction comes after the consumer's drain: its last deletes still go out. */
  @PreDestroy
  void stop() {
    deletes.stop();
  }

  /** Hand it back to the queue after {@code seconds} (a retry, or an unreadable message). */
  void retryLater(Received message, int seconds) {
    if (held.settle(message)) {
      changeVisibility(message, seconds);
    }
  }

  /**
   * Hand it back unprocessed, visible at once: for this worker's next receive or another's. The
   * queue keeps its group's order (nothing later in the group is handed out before it).
   */
  void release(Received message) {
    if (held.settle(message)) {
      released.increment();
      changeVisibility(message, 0);
    }
  }

  private void changeVisibility(Received message, int seconds) {
    call(
        "change visibility of",
        () ->
            sqs.changeMessageVisibility(
                b ->
                    b.queueUrl(queueUrl)
                        .receiptHandle(handle(message))
                        .visibilityTimeout(seconds)));
  }

  private static String handle(Received message) {
    return message.receiptHandle();
  }

  private static void call(String action, Runnable request) {
    try {
      request.run();
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not %s a message, it reappears after its visibility timeout: %s",
          action, e.getMessage());
    }
  }
}
