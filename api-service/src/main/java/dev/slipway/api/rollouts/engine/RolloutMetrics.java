package dev.slipway.api.rollouts.engine;

import dev.slipway.api.rollouts.Tx;
import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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
 * first change to passing its gate. Each is tagged with the kind: rollout or bulk (operation).
 */
@ApplicationScoped
public class RolloutMetrics {
  static final List<String> STATUSES =
      List.of("PLANNED", "RUNNING", "PAUSED", "SUCCEEDED", "HALTED", "ROLLED_BACK", "ABORTED");
  static final List<String> STATES =
      List.of("PENDING", "CHANGING", "READY", "FAILED", "ROLLED_BACK", "SKIPPED");
  static final List<String> KINDS = List.of("ROLLOUT", "BULK");
  private final Pool pool;
  private final Map<String, Timer> waves = new ConcurrentHashMap<>();
  private final Map<String, Counter> halts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> byState = new ConcurrentHashMap<>();

  RolloutMetrics(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    for (String kind : KINDS) {
      var k = Tags.of(MetricNames.TAG_KIND, kind.toLowerCase());
      waves.put(
          kind,
          Timer.builder(MetricNames.ROLLOUT_WAVE_DURATION)
              .tags(k)
              .publishPercentileHistogram()
              .register(registry));
      halts.put(kind, Counter.builder(MetricNames.ROLLOUTS_HALTED).tags(k).register(registry));
      for (String s : STATUSES) {
        byStatus.put(
            kind + "/" + s,
            registry.gauge(
                MetricNames.ROLLOUTS_BY_STATUS,
                k.and("status", s.toLowerCase()),
                new AtomicLong()));
      }
      for (String s : STATES) {
        byState.put(
            kind + "/" + s,
            registry.gauge(
                MetricNames.ROLLOUT_TENANTS_BY_STATE,
                k.and("state", s.toLowerCase()),
                new AtomicLong()));
      }
    }
  }

  void wavePassed(String kind, Duration took) {
    waves.get(kind).record(took);
  }

  void halted(String kind) {
    halts.get(kind).increment();
  }

  private static String key(io.vertx.mutiny.sqlclient.Row r) {
    return r.getString("kind") + "/" + r.getString("status");
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
            Tx.rows(c, "SELECT kind, status, count(*) AS n FROM rollouts GROUP BY kind, status")
                .forEach(r -> byStatus.get(key(r)).set(r.getLong("n")));
            Tx.rows(
                    c,
                    "SELECT r.kind, rt.state AS status, count(*) AS n FROM rollout_tenants rt"
                        + " JOIN rollouts r ON r.id = rt.rollout_id WHERE rt.active"
                        + " GROUP BY r.kind, rt.state")
                .forEach(r -> byState.get(key(r)).set(r.getLong("n")));
            return null;
          });
    } catch (RuntimeException e) {
      // the next refresh tries again; the gauges keep their last values meanwhile
    }
  }
}
