package dev.slipway.api.tenants;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.Phase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges of tenants per observed phase, refreshed from the database on an interval (one GROUP BY on
 * the tenants table) rather than counted in-process, so they are right on every replica.
 */
// Created at startup so every phase's series exists (at 0) from the first scrape.
@Startup
@ApplicationScoped
public class TenantPhaseMetrics {
  private final Pool pool;
  private final Map<Phase, AtomicLong> counts = new EnumMap<>(Phase.class);

  TenantPhaseMetrics(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    for (Phase phase : Phase.values()) {
      AtomicLong count =
          registry.gauge(
              MetricNames.TENANTS_BY_PHASE,
              java.util.List.of(
                  io.micrometer.core.instrument.Tag.of(MetricNames.TAG_PHASE, phase.name())),
              new AtomicLong());
      counts.put(phase, count);
    }
  }

  @Scheduled(
      every = "${slipway.api.phase-metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return pool.query("SELECT phase, count(*) FROM tenants GROUP BY phase")
        .execute()
        .invoke(
            rows -> {
              Map<Phase, Long> seen = new EnumMap<>(Phase.class);
              rows.forEach(r -> seen.put(Phase.valueOf(r.getString(0)), r.getLong(1)));
              counts.forEach((phase, gauge) -> gauge.set(seen.getOrDefault(phase, 0L)));
            })
        .replaceWithVoid();
  }
}
