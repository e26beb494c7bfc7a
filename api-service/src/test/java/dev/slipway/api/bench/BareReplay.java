package dev.slipway.api.bench;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.InvalidCommandException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The baseline: the queue work of a filtered RESEND replay with nothing else. Receive 10 from the
 * DLQ (same visibility, wait and attributes as a job), decode, send the matching ones to the
 * command queue with SendMessageBatch (same group, a deduplication id from the message id), delete
 * them with DeleteMessageBatch, hold the rest until a receive brings nothing new, then release
 * those. No ledger, no job row, no progress, no peek to count the total first.
 */
final class BareReplay {
  private final SqsClient sqs;
  private final String dlqUrl;
  private final String queueUrl;

  /** Milliseconds spent in each kind of call during the last run, for "where the time goes". */
  final Map<String, Long> millis = new LinkedHashMap<>();

  BareReplay(SqsClient sqs, String dlqUrl, String queueUrl) {
    this.sqs = sqs;
    this.dlqUrl = dlqUrl;
    this.queueUrl = queueUrl;
  }

  /** Moves every reachable message of the tenants; returns how many were sent and deleted. */
  int run(Set<String> tenants, int visibilitySeconds) {
    millis.clear();
    Map<String, Message> held = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    int moved = 0;
    try {
      while (true) {
        List<Message> received = timed("receive", () -> receive(visibilitySeconds));
        boolean fresh = false;
        List<Message> matching = new ArrayList<>();
        for (Message m : received) {
          fresh |= seen.add(m.messageId());
          if (readable(m) && tenants.contains(group(m))) {
            matching.add(m);
          } else {
            held.put(m.messageId(), m);
          }
        }
        moved += timed("send+delete", () -> move(matching));
        if (!fresh) {
          return moved;
        }
      }
    } finally {
      timed("release", () -> release(new ArrayList<>(held.values())));
    }
  }

  private <T> T timed(String call, java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.merge(call, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  private List<Message> receive(int visibilitySeconds) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(dlqUrl)
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(visibilitySeconds)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  /** Decodes the body as a job does (a job skips what it cannot read). */
  private static boolean readable(Message m) {
    try {
      return CommandCodec.decode(m.body()) != null;
    } catch (InvalidCommandException e) {
      return false;
    }
  }

  private static String group(Message m) {
    return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  private int move(List<Message> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    List<SendMessageBatchRequestEntry> sends = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Message m = batch.get(i);
      sends.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(m.body())
              .messageGroupId(group(m))
              .messageDeduplicationId("bare-" + m.messageId())
              .build());
    }
    var sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sends));
    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    sent.successful()
        .forEach(
            s ->
                deletes.add(
                    DeleteMessageBatchRequestEntry.builder()
                        .id(s.id())
                        .receiptHandle(batch.get(Integer.parseInt(s.id())).receiptHandle())
                        .build()));
    if (deletes.isEmpty()) {
      return 0;
    }
    return sqs.deleteMessageBatch(b -> b.queueUrl(dlqUrl).entries(deletes)).successful().size();
  }

  private int release(List<Message> held) {
    for (int from = 0; from < held.size(); from += 10) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      List<Message> chunk = held.subList(from, Math.min(held.size(), from + 10));
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(chunk.get(i).receiptHandle())
                .visibilityTimeout(0)
                .build());
      }
      sqs.changeMessageVisibilityBatch(b -> b.queueUrl(dlqUrl).entries(entries));
    }
    return held.size();
  }
}
