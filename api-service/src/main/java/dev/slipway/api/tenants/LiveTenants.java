package dev.slipway.api.tenants;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the live tenants (not DELETED) hold as a whole: their slugs, for {@link SlugCollisions} and
 * a refused create, and their count per namespace, for {@link NamespacePlacement}.
 */
@ApplicationScoped
public class LiveTenants {
  /** Which of {@code slugs} live tenants have. */
  public Uni<List<String>> liveSlugsAmong(SqlClient client, List<String> slugs) {
    return client
        .preparedQuery(
            "SELECT slug FROM tenants WHERE phase <> 'DELETED' AND slug = ANY($1::text[])"
                + " ORDER BY slug")
        .execute(Tuple.of(slugs.toArray(String[]::new)))
        .map(
            rows -> {
              List<String> out = new ArrayList<>();
              rows.forEach(r -> out.add(r.getString("slug")));
              return out;
            });
  }

  /**
   * Tenants whose objects exist or are still being removed (not DELETED), per namespace; a
   * namespace without any is absent. In the caller's transaction, so a create waiting for it never
   * needs a second connection.
   */
  public Uni<Map<String, Long>> liveCountsByNamespace(SqlClient tx) {
    return tx.query(
            "SELECT namespace, count(*) AS live FROM tenants WHERE phase <> 'DELETED'"
                + " GROUP BY namespace")
        .execute()
        .map(
            rows -> {
              Map<String, Long> counts = new HashMap<>();
              rows.forEach(r -> counts.put(r.getString("namespace"), r.getLong("live")));
              return counts;
            });
  }
}
