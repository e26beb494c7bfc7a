package dev.slipway.api.rollouts.engine;

import dev.slipway.api.rollouts.Tx;
import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rollout metrics: rollouts per status and tenants of active rollouts per state (gauges refreshed
 * from the database, the same on every replica: use max), halts, and the time a wave takes from its
 * first change to passing its gate.
 */
@ApplicationScoped
public class RolloutMetrics {
  static final List<String> STATUSES =
      List.of("PLANNED", "RUNNING", "PAUSED", "SUCCEEDED", "HALTED", "ROLLED_BACK", "ABORTED");
  static final List<String> STATES =
      List.of("PENDING", "CHANGING", "READY", "FAILED", "ROLLED_BACK", "SKIPPED");
  private final Pool pool;
  private final Timer waves;
  private final Counter halts;
  private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> byState = new ConcurrentHashMap<>();

  RolloutMetrics(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    this.waves =
        Timer.builder(MetricNames.ROLLOUT_WAVE_DURATION)
            .publishPercentileHistogram()
            .register(registry);
    this.halts = Counter.builder(MetricNames.ROLLOUTS_HALTED).register(registry);
    for (String s : STATUSES) {
      byStatus.put(
          s,
          registry.gauge(
              MetricNames.ROLLOUTS_BY_STATUS,
              io.micrometer.core.instrument.Tags.of("status", s.toLowerCase()),
              new AtomicLong()));
    }
    for (String s : STATES) {
      byState.put(
          s,
          registry.gauge(
              MetricNames.ROLLOUT_TENANTS_BY_STATE,
              io.micrometer.core.instrument.Tags.of("state", s.toLowerCase()),
              new AtomicLong()));
    }
  }

  void wavePassed(Duration took) {
    waves.record(took);
  }

  void halted() {
    halts.increment();
  }

  @Scheduled(
      every = "${slipway.api.phase-metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try {
      Tx.run(
          pool,
          c -> {
            byStatus.values().forEach(v -> v.set(0));
            byState.values().forEach(v -> v.set(0));
            Tx.rows(c, "SELECT status, count(*) AS n FROM rollouts GROUP BY status")
                .forEach(r -> byStatus.get(r.getString("status")).set(r.getLong("n")));
            Tx.rows(
                    c,
                    "SELECT state, count(*) AS n FROM rollout_tenants WHERE active GROUP BY state")
                .forEach(r -> byState.get(r.getString("state")).set(r.getLong("n")));
            return null;
          });
    } catch (RuntimeException e) {
      // the next refresh tries again; the gauges keep their last values meanwhile
    }
  }
}
