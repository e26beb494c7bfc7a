package dev.slipway.reconciler.scan;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Reads the slugs of every live (not deleted) tenant, page by page (keyset on slug). */
@ApplicationScoped
public class DatabaseScanner {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Pool pool;

  DatabaseScanner(Pool pool) {
    this.pool = pool;
  }

  public Set<String> liveTenantSlugs(int pageSize) {
    Set<String> slugs = new HashSet<>();
    String after = "";
    while (true) {
      var rows =
          pool.preparedQuery(
                  "SELECT slug FROM tenants WHERE desired_state <> 'DELETED' AND slug > $1"
                      + " ORDER BY slug LIMIT $2")
              .execute(Tuple.of(after, pageSize))
              .await()
              .atMost(TIMEOUT);
      for (Row row : rows) {
        after = row.getString("slug");
        slugs.add(after);
      }
      if (rows.size() < pageSize) {
        return slugs;
      }
    }
  }
}
