package dev.slipway.worker.messaging;

import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The copy half of moving a message to the dead-letter queue: sends it there with its body, group
 * and attributes; its deduplication id is the message's id, so a second move after a crash between
 * the copy and the delete is dropped by the queue (within its 5 minutes). It sends to the DLQ only,
 * never to the command queue, which the outbox relay alone feeds (architecture-tests).
 */
final class DeadLetterMove {
  private static final Logger LOG = Logger.getLogger(DeadLetterMove.class);
  private final SqsClient sqs;
  private final String dlqUrl;

  DeadLetterMove(SqsClient sqs, String dlqUrl) {
    this.sqs = sqs;
    this.dlqUrl = dlqUrl;
  }

  /** False when the copy could not be sent: the message stays where it is. */
  boolean copy(Received message) {
    try {
      sqs.sendMessage(
          b ->
              b.queueUrl(dlqUrl)
                  .messageBody(message.body())
                  .messageGroupId(message.group())
                  .messageDeduplicationId(message.id())
                  .messageAttributes(message.attributes()));
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("could not move a message to the dead-letter queue: %s", e.getMessage());
      return false;
    }
  }
}
