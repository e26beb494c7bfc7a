package dev.slipway.api.outbox;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.OutboxConfig;
import dev.slipway.common.retry.BackoffSequence;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Publishes committed outbox rows to the command queue. One daemon thread per process runs {@link
 * RelayRound}s; replicas relay side by side (rows are claimed with {@code SKIP LOCKED}, order per
 * tenant kept by {@link GroupPrefix}). It wakes on {@link #wakeUp()} (after every commit here), on
 * a PostgreSQL notification ({@link OutboxListener}: commits of other replicas) or on the poll
 * interval (the fallback), and backs off while the queue is unreachable; the API keeps accepting
 * writes meanwhile, their rows wait in the outbox.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /**
   * The first wait after a failure, doubling up to {@code outbox.max-backoff}, with equal jitter
   * ({@link dev.slipway.common.retry.Backoff}): the relays of many replicas do not retry an
   * unavailable queue or database in lockstep.
   */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final OutboxConfig config;
  private final SqsPublisher publisher;
  private final RelayRound round;
  private final RelayMetrics metrics;
  private final OutboxListener listener;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  OutboxRelay(
      DataSource dataSource, SqsClient sqs, ApiConfig config, RelayMetrics metrics, Tracer tracer) {
    this.config = config.outbox();
    this.publisher = new SqsPublisher(sqs, config.queueUrl(), new RelayTracing(tracer));
    this.round = new RelayRound(dataSource, publisher, this.config.batchSize());
    this.metrics = metrics;
    this.listener = new OutboxListener(dataSource, this::wakeUp, this.config.maxBackoff());
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
    if (config.listen()) {
      listener.start();
    }
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    listener.stop();
    if (thread != null) {
      thread.interrupt(); // ends a back-off sleep or a wait for work
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  /** Asks the relay to publish now instead of at the next poll. Cheap; never blocks. */
  public void wakeUp() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** The publisher this relay sends with; tests retarget it to simulate a queue outage. */
  SqsPublisher publisher() {
    return publisher;
  }

  private void loop() {
    BackoffSequence backoff = BackoffSequence.of(FIRST_BACKOFF, config.maxBackoff());
    try {
      while (running) {
        if (runRound()) {
          backoff.reset();
        } else {
          // Not woken early: new commits must not hammer a queue that is down.
          Thread.sleep(backoff.nextMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One round, then the wait before the next; false when the round failed (back off). */
  private boolean runRound() throws InterruptedException {
    RelayRound.Outcome outcome;
    try {
      outcome = round.run();
    } catch (java.sql.SQLException | RuntimeException e) {
      metrics.failed();
      LOG.warnf("outbox relay round failed: %s", e.getMessage());
      return false;
    }
    metrics.record(outcome);
    if (outcome.failed()) {
      LOG.warnf(
          "outbox publish stopped after %d rows, backing off: %s",
          outcome.sent().size(), outcome.error());
      return false;
    }
    boolean moreWaiting = outcome.claimed() == config.batchSize() && !outcome.sent().isEmpty();
    // Commits arrive faster than rounds once a round finds more than one row waiting.
    boolean busy = outcome.claimed() > 1;
    if (!moreWaiting
        && wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)
        && busy
        && !config.linger().isZero()) {
      // Woken by a commit while busy: let the commits of the next few milliseconds join this
      // round. Under load a round per commit costs a claim, a send and a commit per row instead of
      // per batch. At a calmer rate (each round found one row) the wait would only delay every
      // command (docs/benchmarks.md, P2 as shipped).
      Thread.sleep(config.linger().toMillis());
    }
    wake.drainPermits();
    return true;
  }
}
