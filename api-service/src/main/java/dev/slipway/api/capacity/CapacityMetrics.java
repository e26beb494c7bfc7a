package dev.slipway.api.capacity;

import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** The capacity report's totals as gauges, refreshed with the phase gauges. */
@Startup
@ApplicationScoped
public class CapacityMetrics {
  private final CapacityService capacity;
  private final AtomicReference<double[]> values = new AtomicReference<>(new double[5]);

  CapacityMetrics(CapacityService capacity, MeterRegistry registry) {
    this.capacity = capacity;
    gauge(registry, MetricNames.CAPACITY_CPU_CORES, "requested", 0);
    gauge(registry, MetricNames.CAPACITY_CPU_CORES, "limit", 1);
    gauge(registry, MetricNames.CAPACITY_MEMORY_BYTES, "requested", 2);
    registry.gauge(MetricNames.CAPACITY_NODES, this, m -> m.values.get()[3]);
    registry.gauge(MetricNames.CAPACITY_MONTHLY_COST, this, m -> m.values.get()[4]);
  }

  private void gauge(MeterRegistry registry, String name, String kind, int index) {
    registry.gauge(name, Tags.of(MetricNames.TAG_KIND, kind), this, m -> m.values.get()[index]);
  }

  @Scheduled(
      every = "${slipway.api.phase-metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return capacity
        .refresh()
        .invoke(
            r ->
                values.set(
                    new double[] {
                      r.requested().cpuCores(),
                      r.limits().cpuCores(),
                      r.requested().memoryBytes(),
                      r.nodes().needed(),
                      r.monthlyCost().total()
                    }))
        .replaceWithVoid();
  }
}
