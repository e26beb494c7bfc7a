package dev.slipway.worker.status;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.repository.OperationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * The time a client waits for a change: from its operation being queued (API commit) to the tenant
 * reported Ready. Spans the outbox relay, the queue, the apply and the pods starting, so it is the
 * figure an SLO on provisioning is set against.
 */
@ApplicationScoped
public class ReadyLatency {
  private final OperationStore operations;
  private final Timer timer;

  ReadyLatency(OperationStore operations, MeterRegistry registry) {
    this.operations = operations;
    this.timer =
        Timer.builder(MetricNames.TENANT_READY_LATENCY)
            .description("Operation queued to tenant Ready")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(100))
            .maximumExpectedValue(Duration.ofMinutes(30))
            .register(registry);
  }

  /** Records the wait for this tenant generation, once it was reported Ready. */
  void record(UUID tenantId, long generation) {
    operations.sinceQueued(tenantId, generation).ifPresent(timer::record);
  }
}
