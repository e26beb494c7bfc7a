package dev.slipway.worker.repository;

import dev.slipway.worker.config.WorkerConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Blocking access to the reactive pool for the worker's own threads (queue pollers, informer),
 * which are never Vert.x event-loop threads. Every statement has a timeout: a hung database must
 * surface as a transient failure, not a stuck consumer.
 */
@ApplicationScoped
public class Db {
  private final Pool pool;
  private final Duration timeout;

  Db(Pool pool, WorkerConfig config) {
    this.pool = pool;
    this.timeout = config.dbTimeout();
  }

  public RowSet<Row> execute(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).await().atMost(timeout);
  }

  public int update(String sql, Tuple args) {
    return execute(sql, args).rowCount();
  }

  public Optional<Row> first(String sql, Tuple args) {
    var it = execute(sql, args).iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }
}
