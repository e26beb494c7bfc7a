package dev.slipway.worker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The queue's share of a worker burst: the same number of messages, one message group each, the
 * same bodies, drained from a FIFO queue of its own on the same ElasticMQ by as many receivers as
 * the worker has, with nothing done per message but its delete. What the worker cannot beat
 * whatever it does with the database and the cluster.
 */
final class QueueDrain {
  private final SqsClient sqs;

  QueueDrain(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** Messages per second from the first receive to the last delete. */
  double run(List<String> bodies, int receivers) throws InterruptedException {
    String url =
        sqs.createQueue(
                b ->
                    b.queueName("drain-" + UUID.randomUUID() + ".fifo")
                        .attributes(
                            Map.of(
                                QueueAttributeName.FIFO_QUEUE, "true",
                                QueueAttributeName.VISIBILITY_TIMEOUT, "60")))
            .queueUrl();
    fill(url, bodies);
    AtomicInteger left = new AtomicInteger(bodies.size());
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      Thread thread = new Thread(() -> drain(url, left));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sqs.deleteQueue(b -> b.queueUrl(url));
    return bodies.size() / seconds;
  }

  private void fill(String url, List<String> bodies) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (String body : bodies) {
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .messageGroupId(UUID.randomUUID().toString())
              .messageDeduplicationId(UUID.randomUUID().toString())
              .messageBody(body)
              .build());
    }
    send(sqs, url, entries);
  }

  /** Sends in SendMessageBatch calls of ten, as the relay does; the entries' ids are set here. */
  static void send(SqsClient sqs, String url, List<SendMessageBatchRequestEntry> entries) {
    for (int from = 0; from < entries.size(); from += 10) {
      List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
      for (int i = from; i < Math.min(entries.size(), from + 10); i++) {
        batch.add(entries.get(i).toBuilder().id(Integer.toString(i - from)).build());
      }
      sqs.sendMessageBatch(b -> b.queueUrl(url).entries(batch));
    }
  }

  private void drain(String url, AtomicInteger left) {
    while (left.get() > 0) {
      List<Message> messages =
          sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (messages.isEmpty()) {
        continue;
      }
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (Message m : messages) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(entries.size()))
                .receiptHandle(m.receiptHandle())
                .build());
      }
      sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
      left.addAndGet(-messages.size());
    }
  }
}
