package dev.slipway.worker.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * Deletes finished messages in batches of up to 10 (one DeleteMessageBatch call) from one thread:
 * under load a call per message cost the worker as much as the rest of its SQS traffic, and AWS
 * bills per call. It never waits to fill a batch: whatever finished while the previous call ran
 * goes out together, so a quiet worker still deletes at once. A delete that fails or never happens
 * (crash) only lets the message reappear, and the handler treats it as already done.
 */
final class DeleteBatcher {
  private static final Logger LOG = Logger.getLogger(DeleteBatcher.class);
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
      } catch (InterruptedException e) {
        return; // stop() sends the rest
      }
      pending.drainTo(batch, SqsBatches.MAX_ENTRIES - 1);
      send(batch);
      batch.clear();
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
