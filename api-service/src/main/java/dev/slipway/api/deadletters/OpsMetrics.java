package dev.slipway.api.deadletters;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Dead-letter counters by mode and outcome, and the DLQ depth. The depth reuses the worker's {@link
 * MetricNames#QUEUE_MESSAGES} ({@code queue="dead-letter"}), so one alert covers either source;
 * both report the same queue, so aggregate with max, not sum.
 */
@ApplicationScoped
public class OpsMetrics {
  private static final Logger LOG = Logger.getLogger(OpsMetrics.class);
  private final MeterRegistry registry;
  private final DeadLetterQueue queue;
  private final ApiConfig config;
  private final AtomicLong visible = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();

  OpsMetrics(MeterRegistry registry, DeadLetterQueue queue, ApiConfig config) {
    this.registry = registry;
    this.queue = queue;
    this.config = config;
    if (config.ops().dlqUrl().isPresent()) {
      gauge("visible", visible);
      gauge("in_flight", inFlight);
    }
  }

  void replayed(String mode, String outcome) {
    count(MetricNames.DEAD_LETTERS_REPLAYED, mode, outcome);
  }

  void skipped(String mode, String outcome) {
    count(MetricNames.DEAD_LETTERS_SKIPPED, mode, outcome);
  }

  void purged(String outcome) {
    count(MetricNames.DEAD_LETTERS_PURGED, "purge", outcome);
  }

  @Scheduled(
      every = "${slipway.api.ops.depth-metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refreshDepth() {
    if (config.ops().dlqUrl().isEmpty()) {
      return;
    }
    try {
      long[] depth = queue.depth();
      visible.set(depth[0]);
      inFlight.set(depth[1]);
    } catch (RuntimeException e) {
      LOG.debugf("could not read the dead-letter queue depth: %s", e.getMessage());
    }
  }

  private void count(String name, String mode, String outcome) {
    registry
        .counter(
            name,
            MetricNames.TAG_MODE,
            mode.toLowerCase(Locale.ROOT),
            MetricNames.TAG_OUTCOME,
            outcome.toLowerCase(Locale.ROOT))
        .increment();
  }

  private void gauge(String state, AtomicLong value) {
    registry.gauge(
        MetricNames.QUEUE_MESSAGES,
        List.of(Tag.of("queue", "dead-letter"), Tag.of("state", state)),
        value);
  }
}
