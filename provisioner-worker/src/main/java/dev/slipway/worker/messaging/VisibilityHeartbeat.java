package dev.slipway.worker.messaging;

import dev.slipway.worker.config.WorkerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Keeps a message invisible while it is being worked on: every {@code heartbeat-interval} the
 * message's visibility is extended to {@code heartbeat-extension} from now, so a slow apply is not
 * handed to a second consumer. Should the worker die, the message reappears within one extension.
 */
@ApplicationScoped
public class VisibilityHeartbeat {
  private static final Logger LOG = Logger.getLogger(VisibilityHeartbeat.class);
  private final SqsClient sqs;
  private final WorkerConfig config;
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
  }

  /** Starts extending the visibility of one received message until the returned beat closes. */
  public Beat start(String receiptHandle) {
    long intervalMs = config.consumer().heartbeatInterval().toMillis();
    ScheduledFuture<?> task =
        timer.scheduleAtFixedRate(
            () -> extend(receiptHandle), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  private void extend(String receiptHandle) {
    int seconds = (int) Math.max(1, config.consumer().heartbeatExtension().toSeconds());
    try {
      sqs.changeMessageVisibility(
          b ->
              b.queueUrl(config.queueUrl())
                  .receiptHandle(receiptHandle)
                  .visibilityTimeout(seconds));
    } catch (RuntimeException e) {
      // The next beat tries again; if the message is lost to another consumer, handlers are
      // idempotent.
      LOG.warnf("could not extend message visibility: %s", e.getMessage());
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
