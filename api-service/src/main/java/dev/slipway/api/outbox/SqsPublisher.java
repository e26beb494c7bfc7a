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
  private final RelayTracing tracing;
  private volatile Target target;

  SqsPublisher(SqsClient sqs, String queueUrl, RelayTracing tracing) {
    this.target = new Target(sqs, queueUrl);
    this.tracing = tracing;
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
      String error = send(t, request, sent);
      if (error != null) {
        return new Result(sent, error);
      }
    }
    return new Result(sent, null);
  }

  /** Sends one request, adds what SQS accepted to {@code sent}; the error, or null. */
  private String send(Target t, List<PendingCommand> request, List<Long> sent) {
    RelayTracing.Sends spans = tracing.start(request);
    List<Long> accepted = new ArrayList<>();
    String error = null;
    try {
      SendMessageBatchResponse response =
          t.sqs().sendMessageBatch(b -> b.queueUrl(t.queueUrl()).entries(entries(request, spans)));
      response.successful().forEach(ok -> accepted.add(Long.parseLong(ok.id())));
      if (!response.failed().isEmpty()) {
        BatchResultErrorEntry first = response.failed().get(0);
        error = first.code() + ": " + first.message();
      }
    } catch (SdkException e) {
      // Queue unreachable, throttled, credentials expired...: the caller backs off.
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    sent.addAll(accepted);
    spans.end(accepted, error);
    return error;
  }

  /**
   * Test seam: points this publisher at another queue (e.g. a second ElasticMQ that a test stops
   * and restarts to simulate an SQS outage against a real server).
   */
  void retarget(SqsClient sqs, String queueUrl) {
    this.target = new Target(sqs, queueUrl);
  }

  private static List<SendMessageBatchRequestEntry> entries(
      List<PendingCommand> request, RelayTracing.Sends spans) {
    return request.stream()
        .map(
            c ->
                SendMessageBatchRequestEntry.builder()
                    .id(Long.toString(c.id()))
                    .messageBody(c.body())
                    .messageGroupId(c.groupId())
                    .messageDeduplicationId(c.operationId())
                    .messageAttributes(spans.attributes(c))
                    .build())
        .toList();
  }

  private record Target(SqsClient sqs, String queueUrl) {}
}
