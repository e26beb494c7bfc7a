package dev.slipway.api.outbox;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.OutboxConfig;
import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Housekeeping beside the relay, on one daemon thread: refreshes the pending-count and oldest-age
 * gauges, and deletes sent rows past the retention in bounded batches. Runs on every replica, even
 * with the relay off: the gauges report the shared table (aggregate with max, not sum), and
 * concurrent cleanups skip each other's rows.
 */
@ApplicationScoped
class OutboxMaintenance {
  private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

  /** Batches per cleanup run; a bigger backlog is worked off over the following runs. */
  private static final int MAX_BATCHES_PER_RUN = 100;

  private final DataSource dataSource;
  private final OutboxConfig config;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestAgeMillis = new AtomicLong();
  private final Counter cleaned;
  private ScheduledExecutorService executor;

  OutboxMaintenance(DataSource dataSource, ApiConfig config, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.config = config.outbox();
    this.cleaned = registry.counter(MetricNames.OUTBOX_CLEANED);
    Gauge.builder(MetricNames.OUTBOX_PENDING, pending, AtomicLong::get).register(registry);
    Gauge.builder(MetricNames.OUTBOX_OLDEST_PENDING_AGE, oldestAgeMillis, a -> a.get() / 1000.0)
        .baseUnit("seconds")
        .register(registry);
  }

  void start(@Observes StartupEvent event) {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbox-maintenance");
              t.setDaemon(true);
              return t;
            });
    long stats = config.statsInterval().toMillis();
    long cleanup = config.cleanupInterval().toMillis();
    executor.scheduleWithFixedDelay(this::refreshStats, 0, stats, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::cleanUp, cleanup, cleanup, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  // Both tasks catch everything: an exception would cancel the scheduled task for good.
  private void refreshStats() {
    try (Connection c = dataSource.getConnection()) {
      MaintenanceStore.Stats stats = MaintenanceStore.stats(c);
      pending.set(stats.pending());
      oldestAgeMillis.set(Math.round(stats.oldestAgeSeconds() * 1000));
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("outbox stats not refreshed: %s", e.getMessage());
    }
  }

  private void cleanUp() {
    try {
      int deleted = cleanUp(dataSource, config.retention(), config.cleanupBatchSize());
      cleaned.increment(deleted);
      if (deleted > 0) {
        LOG.infof(
            "outbox cleanup deleted %d rows sent more than %s ago", deleted, config.retention());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("outbox cleanup failed, retrying next run: %s", e.getMessage());
    }
  }

  /** Deletes rows sent before the retention, batch by batch (each its own short transaction). */
  static int cleanUp(DataSource dataSource, Duration retention, int batchSize) throws SQLException {
    int total = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        int deleted = MaintenanceStore.deleteSentBefore(c, retention, batchSize);
        total += deleted;
        if (deleted < batchSize) {
          break;
        }
      }
    }
    return total;
  }
}
