package dev.slipway.api.outbox;

import dev.slipway.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends commands to the FIFO queue: message group = tenant id (per-tenant order), deduplication id
 * = operation id (a re-send after a crash between send and commit is dropped by SQS for 5 minutes,
 * and the worker absorbs anything later).
 */
@ApplicationScoped
class SqsPublisher {
  private static final int SQS_BATCH_LIMIT = 10;
  private final SqsClient sqs;
  private final ApiConfig config;

  SqsPublisher(SqsClient sqs, ApiConfig config) {
    this.sqs = sqs;
    this.config = config;
  }

  /**
   * Publishes in order and returns the ids of the rows that were accepted. Stops at the first
   * failed batch entry: publishing later rows of the same group before it would break FIFO order.
   */
  List<Long> publish(List<PendingCommand> commands) {
    List<Long> sent = new ArrayList<>();
    for (int from = 0; from < commands.size(); from += SQS_BATCH_LIMIT) {
      List<PendingCommand> chunk =
          commands.subList(from, Math.min(from + SQS_BATCH_LIMIT, commands.size()));
      Map<String, PendingCommand> byEntryId = new HashMap<>();
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (PendingCommand c : chunk) {
        String entryId = Long.toString(c.id());
        byEntryId.put(entryId, c);
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(entryId)
                .messageBody(c.body())
                .messageGroupId(c.groupId())
                .messageDeduplicationId(c.operationId())
                .build());
      }
      SendMessageBatchResponse response =
          sqs.sendMessageBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
      response.successful().forEach(ok -> sent.add(byEntryId.get(ok.id()).id()));
      if (!response.failed().isEmpty()) {
        BatchResultErrorEntry first = response.failed().get(0);
        throw new PublishException(sent, first.code() + ": " + first.message());
      }
    }
    return sent;
  }

  /** A batch entry was refused; {@code sent} lists what did go out before it. */
  static final class PublishException extends RuntimeException {
    final List<Long> sent;

    PublishException(List<Long> sent, String message) {
      super(message);
      this.sent = sent;
    }
  }
}
