package dev.slipway.reconciler.run;

import dev.slipway.reconciler.config.ReconcilerConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps passes from overlapping across processes (a CronJob run and a loop replica, two CronJob
 * runs): a session-level PostgreSQL advisory lock on a connection held for the whole pass. If the
 * process dies, PostgreSQL drops the session and with it the lock.
 */
@ApplicationScoped
public class PassLock {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Pool pool;
  private final long key;

  PassLock(Pool pool, ReconcilerConfig config) {
    this.pool = pool;
    this.key = config.lockKey();
  }

  /** The held lock, or empty when another session holds it. */
  public Optional<Held> tryAcquire() {
    SqlConnection connection = pool.getConnection().await().atMost(TIMEOUT);
    try {
      boolean locked =
          connection
              .preparedQuery("SELECT pg_try_advisory_lock($1) AS locked")
              .execute(Tuple.of(key))
              .await()
              .atMost(TIMEOUT)
              .iterator()
              .next()
              .getBoolean("locked");
      if (locked) {
        return Optional.of(new Held(connection, key));
      }
    } catch (RuntimeException e) {
      connection.closeAndAwait();
      throw e;
    }
    connection.closeAndAwait();
    return Optional.empty();
  }

  /** Releases the lock and returns the connection to the pool. */
  public record Held(SqlConnection connection, long key) implements AutoCloseable {
    @Override
    public void close() {
      try {
        connection
            .preparedQuery("SELECT pg_advisory_unlock($1)")
            .execute(Tuple.of(key))
            .await()
            .atMost(TIMEOUT);
      } finally {
        connection.closeAndAwait();
      }
    }
  }
}
