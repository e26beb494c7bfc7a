package dev.slipway.api.deadletters;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.deadletters.DeadLetterOutcomeRepository.Outcome;
import dev.slipway.api.jobs.OpsJobRow;
import dev.slipway.shared.tracing.TraceLog;
import io.opentelemetry.api.trace.Span;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * RESEND of a chunk of readable dead letters (up to 10, in receive order) with one call of each
 * kind: which were already replaced (one query), SendMessageBatch of the others (in order, so each
 * group keeps its order), then the ledger entries of everything SQS accepted with the job's
 * progress (one statement). The caller deletes the recorded ones from the DLQ. A message SQS
 * refused is not recorded and stays in the DLQ; one not deleted stays too, and a re-run finds its
 * ledger entry and only deletes it.
 */
@ApplicationScoped
class Resend {
  private final Pool pool;
  private final SqsClient sqs;
  private final ApiConfig config;
  private final DeadLetterOutcomeRepository ledger;
  private final ReplayTracing tracing;

  Resend(
      Pool pool,
      SqsClient sqs,
      ApiConfig config,
      DeadLetterOutcomeRepository ledger,
      ReplayTracing tracing) {
    this.pool = pool;
    this.sqs = sqs;
    this.config = config;
    this.ledger = ledger;
    this.tracing = tracing;
  }

  /**
   * What became of a chunk: per message, in order, replayed or already_replayed (recorded: its DLQ
   * copy may go), or null when SQS refused the send; the job's status after the ledger statement.
   */
  record Recorded(List<String> outcomes, String status) {}

  /**
   * Throws when the replayed check, the send call or the ledger statement fails: nothing is
   * recorded then, and the caller retries one message at a time (a repeated send carries the same
   * deduplication id). The job's counters gain the refused sends as failures.
   *
   * @param known which of the chunk's messages some job already replaced, looked up ahead; null
   *     when not
   */
  Recorded apply(OpsJobRow job, List<DeadLetter> chunk, Set<String> known, ChunkTally tally) {
    List<String> ids = chunk.stream().map(DeadLetter::messageId).toList();
    // Looked up ahead (while the chunk before was handled) or now. Either way a message replaced
    // since by another job makes the ledger statement fail, and the chunk is retried one by one.
    Set<String> replayed =
        known != null ? known : ledger.replayedAmong(pool, ids).await().indefinitely();
    List<DeadLetter> fresh = chunk.stream().filter(m -> !replayed.contains(m.messageId())).toList();
    Map<String, String> sent = fresh.isEmpty() ? Map.of() : resendAll(fresh);
    List<Outcome> entries = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (DeadLetter m : chunk) {
      if (replayed.contains(m.messageId())) {
        entries.add(outcome(job, m, "ALREADY_REPLAYED", null, "replaced by an earlier job"));
        outcomes.add("already_replayed");
      } else if (sent.containsKey(m.messageId())) {
        entries.add(outcome(job, m, "REPLAYED", sent.get(m.messageId()), null));
        outcomes.add("replayed");
      } else {
        outcomes.add(null);
      }
    }
    // Only now: the previous chunk's DLQ delete ran during this chunk's check and send.
    String status =
        tally.record(
            job.id(),
            chunk.size() - entries.size(),
            counts -> ledger.recordWithProgress(pool, entries, counts).await().indefinitely());
    return new Recorded(outcomes, status);
  }

  /**
   * Sends up to 10 bodies back to the command queue in one SendMessageBatch, in list order, each in
   * its message group with the deduplication id {@code replay-<message id>}. Returns the new
   * message id by source message id for the entries SQS accepted; refused ones are absent.
   */
  private Map<String, String> resendAll(List<DeadLetter> messages) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      DeadLetter m = messages.get(i);
      Span span = tracing.start(m);
      spans.add(span);
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(m.body())
              .messageGroupId(m.groupId())
              .messageDeduplicationId(deduplicationId(m))
              .messageAttributes(ReplayTracing.attributes(span))
              .build());
    }
    Map<String, String> sent = new HashMap<>();
    try {
      var response = sqs.sendMessageBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
      for (BatchResultErrorEntry refused : response.failed()) {
        // Logged in the replay's trace of that message, not in whatever the job's thread holds.
        TraceLog.in(
            spans.get(Integer.parseInt(refused.id())),
            () -> DeadLetterQueue.refused("resend", messages, List.of(refused)));
      }
      response
          .successful()
          .forEach(
              e -> sent.put(messages.get(Integer.parseInt(e.id())).messageId(), e.messageId()));
    } finally {
      for (int i = 0; i < messages.size(); i++) {
        ReplayTracing.end(spans.get(i), sent.containsKey(messages.get(i).messageId()));
      }
    }
    return sent;
  }

  /**
   * Derived from the source message: a re-run after a crash between send and ledger entry sends the
   * same deduplication id, which SQS drops within 5 minutes (the worker absorbs it later).
   */
  static String deduplicationId(DeadLetter m) {
    return "replay-" + m.messageId();
  }

  private static Outcome outcome(
      OpsJobRow job, DeadLetter m, String outcome, String sent, String detail) {
    return new Outcome(job.id(), m.messageId(), outcome, ReplayStep.tenant(m), null, sent, detail);
  }
}
