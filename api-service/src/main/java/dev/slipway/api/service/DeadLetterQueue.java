package dev.slipway.api.service;

import dev.slipway.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS calls of dead-letter operations. Blocking: call from worker or job threads only. Without
 * a configured DLQ every call fails with a 503 problem.
 */
@ApplicationScoped
public class DeadLetterQueue {
  private final SqsClient sqs;
  private final ApiConfig config;

  DeadLetterQueue(SqsClient sqs, ApiConfig config) {
    this.sqs = sqs;
    this.config = config;
  }

  public String url() {
    return config
        .ops()
        .dlqUrl()
        .filter(u -> !u.isBlank())
        .orElseThrow(
            () ->
                new ApiException(
                    503,
                    "unavailable",
                    "Service unavailable",
                    "dead-letter operations are not configured (slipway.api.ops.dlq-url)"));
  }

  /** Receives up to {@code max} (≤ 10) messages and hides them for {@code visibility}. */
  public List<DeadLetter> receive(int max, Duration visibility) {
    var response =
        sqs.receiveMessage(
            b ->
                b.queueUrl(url())
                    .maxNumberOfMessages(Math.max(1, Math.min(10, max)))
                    .visibilityTimeout((int) visibility.toSeconds())
                    .waitTimeSeconds((int) config.ops().receiveWait().toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
    return response.messages().stream().map(DeadLetter::of).toList();
  }

  /** Makes held messages visible again at once; a handle that expired meanwhile is ignored. */
  public void release(List<DeadLetter> held) {
    for (int from = 0; from < held.size(); from += 10) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      List<DeadLetter> chunk = held.subList(from, Math.min(held.size(), from + 10));
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(chunk.get(i).receiptHandle())
                .visibilityTimeout(0)
                .build());
      }
      sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url()).entries(entries));
    }
  }

  public void delete(DeadLetter message) {
    sqs.deleteMessage(b -> b.queueUrl(url()).receiptHandle(message.receiptHandle()));
  }

  /** Sends a body to the command queue; returns the new message id once SQS accepted it. */
  public String resend(DeadLetter message, String deduplicationId) {
    return sqs.sendMessage(
            b ->
                b.queueUrl(config.queueUrl())
                    .messageBody(message.body())
                    .messageGroupId(message.groupId())
                    .messageDeduplicationId(deduplicationId))
        .messageId();
  }

  /** Visible and in-flight message counts of the DLQ. */
  public long[] depth() {
    Map<QueueAttributeName, String> a =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url())
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return new long[] {
      Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
      Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
    };
  }
}
