package dev.slipway.worker.messaging;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.shared.tracing.MessageTrace;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Receives from the FIFO command queue on {@code receivers} threads and hands every message to a
 * {@link GroupDispatcher}, which runs it on the worker pool in its tenant's order. A receiver polls
 * only for as many messages as {@link HeldMessages} has room for (back-pressure). Shutdown: see
 * {@link ConsumerShutdown}.
 */
@ApplicationScoped
public class QueueConsumer {
  private static final Logger LOG = Logger.getLogger(QueueConsumer.class);
  private static final Duration ROOM_WAIT = Duration.ofSeconds(1);
  private final SqsClient sqs;
  private final WorkerConfig.Consumer settings;
  private final String queueUrl;
  private final HeldMessages held;
  private final QueueActions actions;
  private final VisibilityHeartbeat heartbeat;
  private final Receivers receivers;
  private final ConsumerShutdown shutdown;
  private final Counter pollErrors;
  private final Timer messageAge;

  QueueConsumer(
      SqsClient sqs,
      WorkerConfig config,
      HeldMessages held,
      QueueActions actions,
      VisibilityHeartbeat heartbeat,
      Receivers receivers,
      ConsumerShutdown shutdown,
      MeterRegistry registry) {
    this.sqs = sqs;
    this.settings = config.consumer();
    this.queueUrl = config.queueUrl();
    this.held = held;
    this.actions = actions;
    this.heartbeat = heartbeat;
    this.receivers = receivers;
    this.shutdown = shutdown;
    this.pollErrors = registry.counter(MetricNames.POLL_ERRORS);
    this.messageAge = registry.timer(MetricNames.MESSAGE_AGE);
  }

  void onStart(@Observes StartupEvent event) {
    if (settings.enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the receivers and a fresh worker pool. */
  public synchronized void start() {
    receivers.start(settings.receivers(), settings.workers(), this::receiveLoop);
    LOG.infof(
        "consuming %s: %d receivers, %d workers, at most %d messages held",
        queueUrl, settings.receivers(), settings.workers(), settings.maxInFlight());
  }

  /** The SIGTERM path: stop receiving, drain within {@code shutdown-timeout}, release the rest. */
  public synchronized void stop() {
    shutdown.run(receivers, settings.shutdownTimeout());
  }

  /** When the stalest receiver last polled; null when the consumer does not run. */
  public Instant lastLoop() {
    return receivers.stalest();
  }

  private void receiveLoop(Receivers.Loop loop) {
    long backoffMs = 0;
    try {
      while (loop.running()) {
        backoffMs = pollOrBackOff(loop, backoffMs);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the thread ends here
    }
  }

  /** One poll; on a queue error waits and returns the next back-off (exponential, capped). */
  private long pollOrBackOff(Receivers.Loop loop, long backoffMs) throws InterruptedException {
    try {
      receiveOnce(loop);
      return 0;
    } catch (SdkException e) {
      pollErrors.increment();
      long next = Math.min(Math.max(2 * backoffMs, 200), settings.maxPollBackoff().toMillis());
      LOG.warnf("queue poll failed, retrying in %d ms: %s", next, e.getMessage());
      loop.pause(next);
      return next;
    }
  }

  private void receiveOnce(Receivers.Loop loop) throws InterruptedException {
    // With a backlog, wait for room for a batch (half the messages held at most: the other half
    // keeps the workers busy meanwhile). Without one, poll as soon as there is room for one: a
    // receiver waiting for a batch that is not coming left the queue unpolled while slow applies
    // held the room, up to ROOM_WAIT per message (docs/benchmarks.md, P2 as shipped).
    int batch = loop.backlog() ? settings.maxInFlight() / 2 : 1;
    int room = held.reserve(settings.maxMessages(), batch, ROOM_WAIT);
    if (room == 0) {
      return; // full: the liveness clock is not wound, a worker stuck full is not live
    }
    if (!loop.running()) {
      held.unreserve(room); // stopped while waiting for room: a poll now would only be released
      return;
    }
    loop.polled();
    List<Message> messages;
    try {
      messages = receive(room);
    } catch (RuntimeException e) {
      held.unreserve(room);
      throw e;
    }
    held.unreserve(room - messages.size());
    loop.backlog(messages.size() == room && room > 1); // a full receive: more are waiting
    messages.forEach(m -> dispatch(loop, new Received(m)));
  }

  private void dispatch(Receivers.Loop loop, Received message) {
    held.hold(message);
    message.keepInvisible(heartbeat.start(message.receiptHandle()));
    messageAge.record(Duration.between(message.sentAt(), Instant.now()));
    if (!loop.running() || !loop.dispatcher().submit(message)) {
      actions.release(message); // received while shutting down
    }
  }

  private List<Message> receive(int max) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(queueUrl)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds((int) settings.waitTime().toSeconds())
                    // An SDK retry after a lost response gets the same messages back (FIFO).
                    .receiveRequestAttemptId(UUID.randomUUID().toString())
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.SENT_TIMESTAMP)
                    .messageAttributeNames(MessageTrace.NAMES))
        .messages();
  }
}
