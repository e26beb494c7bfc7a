package dev.slipway.api.outbox;

import dev.slipway.common.retry.BackoffSequence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the relay when PostgreSQL reports committed outbox inserts (from any replica: the V2
 * trigger notifies channel {@value #CHANNEL}). Holds one JDBC connection from the pool, so it
 * honours the datasource's URL, TLS and credentials as configured.
 *
 * <p>Robust to lost connections: any error drops the connection and listens again after a back-off,
 * then wakes the relay once for rows committed while nobody listened. A periodic {@code SELECT 1}
 * detects a half-open connection that would otherwise stay silent. Notifications only cut latency;
 * the relay's poll still finds every row.
 */
final class OutboxListener {
  static final String CHANNEL = "slipway_outbox";
  private static final Logger LOG = Logger.getLogger(OutboxListener.class);
  private static final int WAIT_MS = 1000; // also how soon stop() is noticed
  private static final long KEEPALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final DataSource dataSource;
  private final Runnable onWake;
  private final BackoffSequence backoff;
  private final AtomicInteger listens = new AtomicInteger();
  private volatile int backendPid;
  private volatile boolean running;
  private Thread thread;

  OutboxListener(DataSource dataSource, Runnable onWake, Duration maxBackoff) {
    this.dataSource = dataSource;
    this.onWake = onWake;
    this.backoff = BackoffSequence.of(OutboxRelay.FIRST_BACKOFF, maxBackoff);
  }

  void start() {
    running = true;
    thread = new Thread(this::loop, "outbox-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(2L * WAIT_MS);
    }
  }

  /** How many times LISTEN succeeded (1 + reconnects); for tests. */
  int listens() {
    return listens.get();
  }

  /** The server process of the current listening connection; for tests that kill it. */
  int backendPid() {
    return backendPid;
  }

  private void loop() {
    while (running) {
      try {
        listen();
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        long delay = backoff.nextMillis();
        LOG.warnf("outbox LISTEN lost, listening again in %d ms: %s", delay, e.getMessage());
        if (!sleep(delay)) {
          return;
        }
      }
    }
  }

  private void listen() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      PGConnection pg = c.unwrap(PGConnection.class);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        backendPid = rs.getInt(1);
        s.execute("LISTEN " + CHANNEL);
      }
      listens.incrementAndGet();
      backoff.reset();
      onWake.run(); // rows committed while nobody listened
      long lastCheck = System.nanoTime();
      while (running) {
        PGNotification[] notifications = pg.getNotifications(WAIT_MS);
        if (notifications != null && notifications.length > 0) {
          onWake.run();
        }
        if (System.nanoTime() - lastCheck > KEEPALIVE_NANOS) {
          ping(c);
          lastCheck = System.nanoTime();
        }
      }
    }
  }

  private static void ping(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
  }

  private static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
