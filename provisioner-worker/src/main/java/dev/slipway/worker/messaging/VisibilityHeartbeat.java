package dev.slipway.worker.messaging;

import dev.slipway.worker.config.WorkerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

/**
 * Keeps messages invisible while they are being worked on: every {@code heartbeat-interval} the
 * visibility of every held message is extended to {@code heartbeat-extension} from now, so a slow
 * apply is not handed to a second consumer. Should the worker die, its messages reappear within one
 * extension. One timer extends them all with ChangeMessageVisibilityBatch, 10 per call: a call per
 * message and beat cost a worker holding a full backlog more than its deletes. A message may get
 * its first extension early (it started just before a beat); that only moves its deadline forward.
 */
@ApplicationScoped
public class VisibilityHeartbeat {
  private static final Logger LOG = Logger.getLogger(VisibilityHeartbeat.class);
  private final SqsClient sqs;
  private final WorkerConfig config;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "visibility-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  VisibilityHeartbeat(SqsClient sqs, WorkerConfig config) {
    this.sqs = sqs;
    this.config = config;
    long intervalMs = config.consumer().heartbeatInterval().toMillis();
    timer.scheduleAtFixedRate(this::extendAll, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Starts extending the visibility of one received message until the returned beat closes. */
  public Beat start(String receiptHandle) {
    held.add(receiptHandle);
    return () -> held.remove(receiptHandle);
  }

  private void extendAll() {
    List<String> handles = List.copyOf(held);
    int seconds = (int) Math.max(1, config.consumer().heartbeatExtension().toSeconds());
    for (List<String> batch : SqsBatches.partition(handles)) {
      extend(batch, seconds);
    }
  }

  private void extend(List<String> handles, int seconds) {
    List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(handles.size());
    for (int i = 0; i < handles.size(); i++) {
      entries.add(
          ChangeMessageVisibilityBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(handles.get(i))
              .visibilityTimeout(seconds)
              .build());
    }
    try {
      var response =
          sqs.changeMessageVisibilityBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
      // A message settled since the snapshot has no valid receipt any more: expected, not logged.
      response.failed().stream()
          .filter(f -> held.contains(handles.get(Integer.parseInt(f.id()))))
          .forEach(f -> LOG.warnf("could not extend message visibility: %s", f.message()));
    } catch (RuntimeException e) {
      // The next beat tries again; if the message is lost to another consumer, handlers are
      // idempotent.
      LOG.warnf(
          "could not extend the visibility of %d messages: %s", handles.size(), e.getMessage());
    }
  }

  /** After the ShutdownEvent, so the consumer's drain keeps its messages invisible to the end. */
  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }

  /** A running heartbeat; closing it stops the extensions. */
  public interface Beat extends AutoCloseable {
    @Override
    void close();
  }
}
