package dev.slipway.api.outbox;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A committed outbox insert wakes the listener through the V2 trigger's NOTIFY, also after its
 * connection was killed on the server (it listens again by itself).
 */
@QuarkusTest
class OutboxListenerQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void wakesOnCommittedInsertsAndSurvivesALostConnection() throws Exception {
    AtomicInteger wakes = new AtomicInteger();
    try (IsolatedOutboxDb db = new IsolatedOutboxDb();
        Connection c = db.dataSource().getConnection()) {
      OutboxListener listener =
          new OutboxListener(db.dataSource(), wakes::incrementAndGet, Duration.ofMillis(200));
      listener.start();
      try {
        UUID tenant = OutboxRows.insertTenant(c);
        await().atMost(WAIT).until(() -> listener.listens() == 1);
        int before = wakes.get();
        OutboxRows.insertCommand(c, tenant, 1);
        await().atMost(WAIT).until(() -> wakes.get() > before);

        terminate(c, listener.backendPid());
        await().atMost(WAIT).until(() -> listener.listens() == 2);
        int afterReconnect = wakes.get();
        OutboxRows.insertCommand(c, tenant, 2);
        await().atMost(WAIT).until(() -> wakes.get() > afterReconnect);
      } finally {
        listener.stop();
      }
    }
  }

  private static void terminate(Connection c, int pid) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
      s.setInt(1, pid);
      s.execute();
    }
  }
}
