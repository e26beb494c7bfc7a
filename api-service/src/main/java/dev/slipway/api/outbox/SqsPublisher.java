package dev.slipway.api.outbox;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends commands to the FIFO queue: message group = tenant id (per-tenant order), deduplication id
 * = operation id. A re-send of a row after a crash between send and commit is dropped by SQS within
 * its 5-minute deduplication window, and the worker absorbs anything later (its handlers are
 * idempotent and an operation already finished is acknowledged as done).
 */
final class SqsPublisher {
  private volatile Target target;

  SqsPublisher(SqsClient sqs, String queueUrl) {
    this.target = new Target(sqs, queueUrl);
  }

  /** What went out, in order, and why the rest did not (null when everything was sent). */
  record Result(List<Long> sent, String error) {}

  /**
   * Publishes rows in id order (see {@link PublishPlan}) and stops at the first request that fails
   * in whole or in part: later rows of the failed rows' groups must not overtake them.
   */
  Result publish(List<PendingCommand> rows) {
    Target t = target;
    List<Long> sent = new ArrayList<>();
    for (List<PendingCommand> request : PublishPlan.requests(rows)) {
      try {
        SendMessageBatchResponse response =
            t.sqs().sendMessageBatch(b -> b.queueUrl(t.queueUrl()).entries(entries(request)));
        response.successful().forEach(ok -> sent.add(Long.parseLong(ok.id())));
        if (!response.failed().isEmpty()) {
          BatchResultErrorEntry first = response.failed().get(0);
          return new Result(sent, first.code() + ": " + first.message());
        }
      } catch (SdkException e) {
        // Queue unreachable, throttled, credentials expired...: the caller backs off.
        return new Result(sent, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return new Result(sent, null);
  }

  /**
   * Test seam: points this publisher at another queue (e.g. a second ElasticMQ that a test stops
   * and restarts to simulate an SQS outage against a real server).
   */
  void retarget(SqsClient sqs, String queueUrl) {
    this.target = new Target(sqs, queueUrl);
  }

  private static List<SendMessageBatchRequestEntry> entries(List<PendingCommand> request) {
    return request.stream()
        .map(
            c ->
                SendMessageBatchRequestEntry.builder()
                    .id(Long.toString(c.id()))
                    .messageBody(c.body())
                    .messageGroupId(c.groupId())
                    .messageDeduplicationId(c.operationId())
                    .build())
        .toList();
  }

  private record Target(SqsClient sqs, String queueUrl) {}
}
