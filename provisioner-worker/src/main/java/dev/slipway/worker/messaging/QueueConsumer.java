package dev.slipway.worker.messaging;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Long-polls the FIFO command queue on one thread and processes each batch in order. Once a message
 * of a group is retried, the rest of that group in the batch is released unprocessed, so per-tenant
 * order holds (SQS will not hand them out while the retried one is in flight).
 */
@ApplicationScoped
public class QueueConsumer {
  private static final Logger LOG = Logger.getLogger(QueueConsumer.class);
  private static final long MAX_POLL_BACKOFF_MS = 30_000;
  private final SqsClient sqs;
  private final CommandProcessor processor;
  private final VisibilityHeartbeat heartbeat;
  private final WorkerConfig config;
  private final Counter pollErrors;
  private volatile boolean running;
  private volatile Instant lastLoop;
  private final AtomicInteger inFlight = new AtomicInteger();
  private Thread thread;

  QueueConsumer(
      SqsClient sqs,
      CommandProcessor processor,
      VisibilityHeartbeat heartbeat,
      WorkerConfig config,
      MeterRegistry registry) {
    this.sqs = sqs;
    this.processor = processor;
    this.heartbeat = heartbeat;
    this.config = config;
    this.pollErrors = registry.counter(MetricNames.POLL_ERRORS);
    registry.gauge(MetricNames.COMMANDS_IN_FLIGHT, inFlight);
  }

  void start(@Observes StartupEvent event) {
    if (!config.consumer().enabled()) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "queue-consumer");
    // Daemon: a long poll still waiting at shutdown must not hold the JVM for its 20 s. Anything
    // it had received and not finished becomes visible again (every handler is idempotent).
    thread.setDaemon(true);
    thread.start();
    LOG.infof("consuming %s", config.queueUrl());
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (thread != null) {
      // A message in flight is finished; one not yet started becomes visible again by itself.
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void loop() {
    long backoffMs = 0;
    while (running) {
      lastLoop = Instant.now();
      try {
        processBatch(receive());
        backoffMs = 0;
      } catch (SdkException e) {
        pollErrors.increment();
        backoffMs = Math.min(Math.max(2 * backoffMs, 200), MAX_POLL_BACKOFF_MS);
        LOG.warnf("queue poll failed, retrying in %d ms: %s", backoffMs, e.getMessage());
        pause(backoffMs);
      }
    }
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(config.queueUrl())
                    .maxNumberOfMessages(config.consumer().maxMessages())
                    .waitTimeSeconds((int) config.consumer().waitTime().toSeconds())
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .messages();
  }

  private void processBatch(List<Message> messages) {
    Set<String> heldGroups = new HashSet<>();
    for (Message message : messages) {
      String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
      if (!running || heldGroups.contains(group)) {
        setVisibility(message, 0);
        continue;
      }
      Outcome outcome = processSafely(message);
      if (outcome.kind() == Outcome.Kind.ACK) {
        sqs.deleteMessage(
            b -> b.queueUrl(config.queueUrl()).receiptHandle(message.receiptHandle()));
      } else {
        heldGroups.add(group);
        setVisibility(message, outcome.visibilitySeconds());
      }
    }
  }

  private Outcome processSafely(Message message) {
    int receiveCount =
        Integer.parseInt(
            message
                .attributes()
                .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
    inFlight.incrementAndGet();
    try (VisibilityHeartbeat.Beat beat = heartbeat.start(message.receiptHandle())) {
      return processor.process(message.messageId(), message.body(), receiveCount);
    } catch (RuntimeException e) {
      // Even recording the failure failed (database down): let the queue redeliver it later.
      LOG.warnf("processing failed before an outcome was recorded: %s", e.toString());
      return Outcome.retry(Outcome.TRANSIENT, Math.min(60, 1 << Math.min(receiveCount, 6)));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** When the poll loop last came round; null when it does not run in this process. */
  public Instant lastLoop() {
    return running ? lastLoop : null;
  }

  private void setVisibility(Message message, int seconds) {
    sqs.changeMessageVisibility(
        b ->
            b.queueUrl(config.queueUrl())
                .receiptHandle(message.receiptHandle())
                .visibilityTimeout(seconds));
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
