package dev.slipway.worker.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * Deletes finished messages in batches of up to 10 (one DeleteMessageBatch call) from one thread:
 * under load a call per message cost the worker as much as the rest of its SQS traffic, and AWS
 * bills per call. After the first pending message it waits at most {@link #LINGER} for more to fill
 * the batch: without that, at a few hundred commands a second the batches held one or two
 * (docs/benchmarks.md, issue 26). The wait delays nothing but the delete itself: a message's room
 * among the held ones is free once it is settled, and only the same tenant's next command waits for
 * it (SQS FIFO). A delete that fails or never happens (crash) only lets the message reappear, and
 * the handler treats it as already done.
 */
final class DeleteBatcher {
  private static final Logger LOG = Logger.getLogger(DeleteBatcher.class);
  static final Duration LINGER = Duration.ofMillis(20);
  private final SqsClient sqs;
  private final String queueUrl;
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  DeleteBatcher(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.thread = new Thread(this::loop, "message-deleter");
    thread.setDaemon(true);
    thread.start();
  }

  void delete(String receiptHandle) {
    pending.add(receiptHandle);
  }

  /** Sends what is still pending; after the consumer's drain, so its last deletes go out. */
  void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> rest = new ArrayList<>();
    pending.drainTo(rest);
    SqsBatches.partition(rest).forEach(this::send);
  }

  private void loop() {
    List<String> batch = new ArrayList<>(SqsBatches.MAX_ENTRIES);
    while (running) {
      try {
        batch.add(pending.take());
        fill(batch);
      } catch (InterruptedException e) {
        batch.forEach(pending::add);
        return; // stop() sends the rest
      }
      send(batch);
      batch.clear();
    }
  }

  /** Adds what is pending, waiting up to {@link #LINGER} for a full batch. */
  private void fill(List<String> batch) throws InterruptedException {
    long deadline = System.nanoTime() + LINGER.toNanos();
    pending.drainTo(batch, SqsBatches.MAX_ENTRIES - batch.size());
    while (batch.size() < SqsBatches.MAX_ENTRIES) {
      String next = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      pending.drainTo(batch, SqsBatches.MAX_ENTRIES - batch.size());
    }
  }

  private void send(List<String> handles) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(handles.size());
    for (int i = 0; i < handles.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(handles.get(i))
              .build());
    }
    try {
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      response
          .failed()
          .forEach(
              f ->
                  LOG.warnf(
                      "could not delete a message, it reappears after its visibility timeout: %s",
                      f.message()));
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not delete %d messages, they reappear after their visibility timeout: %s",
          handles.size(), e.getMessage());
    }
  }
}
