package dev.slipway.api.rollouts;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Blocking transactions over the reactive pool, for worker threads only (the rollout endpoints are
 * {@code @Blocking}; the engine runs on the scheduler's threads): a rollout step reads, decides and
 * writes in many statements, which reads plainly in this style. Everything commits or nothing.
 */
public final class Tx {
  private Tx() {}

  public static <T> T run(Pool pool, Function<SqlConnection, T> work) {
    SqlConnection conn = pool.getConnection().await().indefinitely();
    try {
      var tx = conn.begin().await().indefinitely();
      try {
        T result = work.apply(conn);
        tx.commit().await().indefinitely();
        return result;
      } catch (RuntimeException e) {
        tx.rollback().await().indefinitely();
        throw e;
      }
    } finally {
      conn.close().await().indefinitely();
    }
  }

  /** The rows of one statement. */
  public static List<Row> rows(SqlConnection c, String sql, Object... args) {
    List<Row> out = new ArrayList<>();
    c.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().forEach(out::add);
    return out;
  }

  /** Rows a statement changed. */
  public static int update(SqlConnection c, String sql, Object... args) {
    return c.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().rowCount();
  }
}
