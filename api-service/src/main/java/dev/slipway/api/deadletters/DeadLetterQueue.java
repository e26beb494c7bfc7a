package dev.slipway.api.deadletters;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS calls of dead-letter operations. Blocking: call from worker or job threads only. Without
 * a configured DLQ every call fails with a 503 problem.
 */
@ApplicationScoped
public class DeadLetterQueue {
  private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);
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

  /**
   * Receives up to {@code max} (≤ 10) messages and hides them for {@code visibility}, waiting up to
   * {@code receive-wait} for the first.
   */
  public List<DeadLetter> receive(int max, Duration visibility) {
    return receive(max, visibility, config.ops().receiveWait());
  }

  /**
   * As {@link #receive(int, Duration)} with its own wait: zero is a short poll, which on SQS asks
   * only some of its servers and so may miss messages; a caller confirms an empty one.
   */
  public List<DeadLetter> receive(int max, Duration visibility, Duration wait) {
    var response =
        sqs.receiveMessage(
            b ->
                b.queueUrl(url())
                    .maxNumberOfMessages(Math.max(1, Math.min(10, max)))
                    .visibilityTimeout((int) visibility.toSeconds())
                    .waitTimeSeconds((int) wait.toSeconds())
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

  /**
   * Deletes up to 10 messages in one DeleteMessageBatch; returns the ids of those deleted. Never
   * throws: a refused entry or a failed call leaves the messages in the DLQ, which callers count as
   * failed (their replacement is already recorded, so a re-run only deletes them).
   */
  public Set<String> deleteAll(List<DeadLetter> messages) {
    if (messages.isEmpty()) {
      return Set.of();
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(messages.get(i).receiptHandle())
              .build());
    }
    try {
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(url()).entries(entries));
      refused("delete", messages, response.failed());
      return response.successful().stream()
          .map(e -> messages.get(Integer.parseInt(e.id())).messageId())
          .collect(Collectors.toSet());
    } catch (SdkException e) {
      LOG.warnf("deleting %d dead letters failed: %s", messages.size(), e.toString());
      return Set.of();
    }
  }

  /** Logs the entries SQS refused: the message, never its body; SQS's code and message say why. */
  static void refused(String what, List<DeadLetter> messages, List<BatchResultErrorEntry> failed) {
    for (BatchResultErrorEntry f : failed) {
      LOG.warnf(
          "%s of %s refused: %s %s",
          what, messages.get(Integer.parseInt(f.id())), f.code(), f.message());
    }
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
