package dev.slipway.api.outbox;

import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The relay's counters and timers (names in {@link MetricNames}). */
@ApplicationScoped
class RelayMetrics {
  private final Counter published;
  private final Counter failures;
  private final Timer latency;
  private final Timer delay;

  RelayMetrics(MeterRegistry registry) {
    this.published = registry.counter(MetricNames.OUTBOX_PUBLISHED);
    this.failures = registry.counter(MetricNames.OUTBOX_PUBLISH_FAILURES);
    this.latency = registry.timer(MetricNames.OUTBOX_PUBLISH_LATENCY);
    this.delay = registry.timer(MetricNames.OUTBOX_PUBLISH_DELAY);
  }

  void record(RelayRound.Outcome outcome) {
    if (outcome.publishNanos() > 0) {
      latency.record(Duration.ofNanos(outcome.publishNanos()));
    }
    published.increment(outcome.sent().size());
    outcome.delaysSeconds().forEach(s -> delay.record(Duration.ofNanos((long) (s * 1e9))));
    if (outcome.failed()) {
      failures.increment();
    }
  }

  void failed() {
    failures.increment();
  }

  /** Failed rounds or publish attempts so far; for tests. */
  double failures() {
    return failures.count();
  }
}
