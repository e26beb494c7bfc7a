package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.tenants.LifecycleState;
import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges of tenants per lifecycle state, read from the database on the phase-metrics interval (as
 * {@link dev.slipway.api.tenants.TenantPhaseMetrics}), so every replica reports the same. A purged
 * tenant counts until the worker has removed its objects: the gauge shows purges in progress, not
 * every tenant ever purged.
 */
@Startup
@ApplicationScoped
public class LifecycleMetrics {
  private static final String BY_STATE =
      "SELECT CASE WHEN purged_at IS NOT NULL THEN 'PURGED'"
          + " WHEN deleted_at IS NOT NULL THEN 'DELETED'"
          + " WHEN suspended_at IS NOT NULL THEN 'SUSPENDED' ELSE 'ACTIVE' END AS state, count(*)"
          + " FROM tenants WHERE purged_at IS NULL OR phase <> 'DELETED' GROUP BY 1";

  private final Pool pool;
  private final Map<LifecycleState, AtomicLong> counts = new EnumMap<>(LifecycleState.class);

  LifecycleMetrics(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    for (LifecycleState state : LifecycleState.values()) {
      List<Tag> tags =
          List.of(Tag.of(MetricNames.TAG_STATE, state.name().toLowerCase(Locale.ROOT)));
      counts.put(state, registry.gauge(MetricNames.TENANTS_BY_LIFECYCLE, tags, new AtomicLong()));
    }
  }

  @Scheduled(
      every = "${slipway.api.phase-metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return pool.query(BY_STATE)
        .execute()
        .invoke(
            rows -> {
              Map<LifecycleState, Long> seen = new EnumMap<>(LifecycleState.class);
              rows.forEach(r -> seen.put(LifecycleState.valueOf(r.getString(0)), r.getLong(1)));
              counts.forEach((state, gauge) -> gauge.set(seen.getOrDefault(state, 0L)));
            })
        .replaceWithVoid();
  }
}
