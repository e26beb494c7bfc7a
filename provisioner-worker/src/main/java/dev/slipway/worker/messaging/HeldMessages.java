package dev.slipway.worker.messaging;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bound on work in flight: a permit per message received and not yet settled, across all
 * receivers. Receivers reserve room before they poll, so a full worker stops receiving instead of
 * holding messages it cannot start (which would only burn their visibility and receive count).
 */
@ApplicationScoped
public class HeldMessages {
  private final Semaphore permits;
  private final Set<Received> held = ConcurrentHashMap.newKeySet();

  @Inject
  HeldMessages(WorkerConfig config, MeterRegistry registry) {
    this(config.consumer().maxInFlight(), registry);
  }

  HeldMessages(int maxInFlight, MeterRegistry registry) {
    this.permits = new Semaphore(Math.max(1, maxInFlight), true);
    Gauge.builder(MetricNames.MESSAGES_HELD, held, Set::size).register(registry);
    Gauge.builder(MetricNames.OLDEST_HELD_MESSAGE_AGE, this, HeldMessages::oldestAgeSeconds)
        .baseUnit("seconds")
        .register(registry);
  }

  /**
   * Takes room for up to {@code max} messages, waiting up to {@code wait} for room for {@code
   * batch} of them; after that wait, takes whatever room there is. Waiting for a batch matters
   * under load: taking each message's room as it frees made every receive return one message, a
   * queue call (and with SQS a bill) per message instead of per ten (docs/benchmarks.md, issue 26).
   *
   * @return how many messages may be received now; 0 when the worker stayed full
   */
  int reserve(int max, int batch, Duration wait) throws InterruptedException {
    int room = Math.max(1, Math.min(max, batch));
    if (!permits.tryAcquire(room, wait.toMillis(), TimeUnit.MILLISECONDS)) {
      if (!permits.tryAcquire()) {
        return 0;
      }
      room = 1;
    }
    while (room < max && permits.tryAcquire()) {
      room++;
    }
    return room;
  }

  /** Gives back room reserved for messages a poll did not return. */
  void unreserve(int room) {
    permits.release(room);
  }

  void hold(Received message) {
    held.add(message);
  }

  /** Settles the message (see {@link Received#settle()}) and frees its room; false if done. */
  boolean settle(Received message) {
    if (!message.settle()) {
      return false;
    }
    held.remove(message);
    permits.release();
    return true;
  }

  /** Messages held right now. */
  List<Received> all() {
    return List.copyOf(held);
  }

  double oldestAgeSeconds() {
    Instant now = Instant.now();
    return held.stream()
        .map(m -> Duration.between(m.sentAt(), now).toMillis() / 1000.0)
        .max(Double::compare)
        .orElse(0.0);
  }
}
