package dev.slipway.local.sqs;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the FIFO queue pair a Slipway command consumer reads, with the attributes production
 * uses. CreateQueue with identical attributes returns the existing queue, which makes this
 * idempotent; different attributes for an existing name fail, as on AWS.
 */
final class FifoQueueFactory {

  static final Duration DEFAULT_RECEIVE_WAIT = Duration.ofSeconds(20);
  private static final long MAX_VISIBILITY_SECONDS = 43_200; // SQS limit: 12 hours
  private static final long MAX_RECEIVE_WAIT_SECONDS = 20; // SQS limit

  private final SqsClient sqs;

  FifoQueueFactory(SqsClient sqs) {
    this.sqs = sqs;
  }

  CommandQueues createCommandQueues(
      String baseName, int maxReceiveCount, Duration visibilityTimeout, Duration receiveWait) {
    if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new IllegalArgumentException("maxReceiveCount must be 1..1000: " + maxReceiveCount);
    }
    String visibility = seconds(visibilityTimeout, MAX_VISIBILITY_SECONDS, "visibilityTimeout");
    String wait = seconds(receiveWait, MAX_RECEIVE_WAIT_SECONDS, "receiveWait");

    // The DLQ is read by people and replay tools, not long-polling workers: no receive wait.
    String dlqUrl = create(baseName + "-dlq.fifo", fifoAttributes(visibility, "0"));
    String dlqArn = arnOf(dlqUrl);

    Map<QueueAttributeName, String> attributes = fifoAttributes(visibility, wait);
    attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(dlqArn, maxReceiveCount));
    String queueUrl = create(baseName + ".fifo", attributes);
    return new CommandQueues(queueUrl, dlqUrl, arnOf(queueUrl), dlqArn);
  }

  static String redrivePolicy(String dlqArn, int maxReceiveCount) {
    return "{\"deadLetterTargetArn\":\""
        + dlqArn
        + "\",\"maxReceiveCount\":"
        + maxReceiveCount
        + "}";
  }

  private static Map<QueueAttributeName, String> fifoAttributes(String visibility, String wait) {
    return new EnumMap<>(
        Map.of(
            QueueAttributeName.FIFO_QUEUE,
            "true",
            QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
            "false",
            QueueAttributeName.VISIBILITY_TIMEOUT,
            visibility,
            QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
            wait));
  }

  private String create(String name, Map<QueueAttributeName, String> attributes) {
    return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  private String arnOf(String queueUrl) {
    return sqs.getQueueAttributes(
            b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private static String seconds(Duration duration, long max, String what) {
    long s = duration.toSeconds();
    if (duration.isNegative() || s > max || duration.getNano() != 0) {
      throw new IllegalArgumentException(
          what + " must be whole seconds in 0.." + max + ": " + duration);
    }
    return Long.toString(s);
  }
}
