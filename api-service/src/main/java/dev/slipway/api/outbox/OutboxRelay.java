package dev.slipway.api.outbox;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the command queue. One daemon thread per process; it wakes on
 * {@link #wakeUp()} (called after every commit here) or on the poll interval (rows of other
 * replicas, rows left by a crash), and backs off while the queue is unreachable.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private final DataSource dataSource;
  private final SqsPublisher publisher;
  private final ApiConfig.Outbox config;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong pending = new AtomicLong();
  private final Counter published;
  private final Counter failures;
  private final Timer latency;
  private volatile boolean running;
  private Thread thread;

  OutboxRelay(DataSource dataSource, SqsPublisher publisher, ApiConfig config, MeterRegistry reg) {
    this.dataSource = dataSource;
    this.publisher = publisher;
    this.config = config.outbox();
    this.published = reg.counter(MetricNames.OUTBOX_PUBLISHED);
    this.failures = reg.counter(MetricNames.OUTBOX_PUBLISH_FAILURES);
    this.latency = reg.timer(MetricNames.OUTBOX_PUBLISH_LATENCY);
    reg.gauge(MetricNames.OUTBOX_PENDING, pending);
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info("outbox relay disabled in this process");
      return;
    }
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    wakeUp();
    if (thread != null) {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  /** Asks the relay to publish now instead of at the next poll. Cheap; never blocks. */
  public void wakeUp() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  private void loop() {
    long backoffMs = 0;
    while (running) {
      try {
        int count = relayOnce();
        backoffMs = 0;
        if (count < config.batchSize()) {
          wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | java.sql.SQLException e) {
        failures.increment();
        backoffMs = Math.min(Math.max(2 * backoffMs, 100), config.maxBackoff().toMillis());
        LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoffMs, e.getMessage());
        sleepQuietly(backoffMs);
      }
    }
  }

  /** One transaction: claim pending rows in order, publish them, mark what went out. */
  int relayOnce() throws java.sql.SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!OutboxStore.tryLock(c)) {
          c.rollback();
          return 0; // another replica is publishing
        }
        List<PendingCommand> batch = OutboxStore.claim(c, config.batchSize());
        int sent = publish(c, batch);
        pending.set(OutboxStore.countPending(c));
        c.commit();
        return sent;
      } catch (RuntimeException | java.sql.SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private int publish(Connection c, List<PendingCommand> batch) throws java.sql.SQLException {
    if (batch.isEmpty()) {
      return 0;
    }
    Timer.Sample sample = Timer.start();
    try {
      List<Long> ids = publisher.publish(batch);
      OutboxStore.markSent(c, ids);
      published.increment(ids.size());
      return ids.size();
    } catch (SqsPublisher.PublishException e) {
      OutboxStore.markSent(c, e.sent);
      List<Long> unsent =
          batch.stream().map(PendingCommand::id).filter(id -> !e.sent.contains(id)).toList();
      OutboxStore.recordFailure(c, unsent, e.getMessage());
      published.increment(e.sent.size());
      failures.increment();
      return e.sent.size();
    } finally {
      sample.stop(latency);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
