package dev.slipway.api.repository;

import dev.slipway.common.model.TenantSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads and writes the tenants table. */
@ApplicationScoped
public class TenantRepository {
  private final Pool pool;

  TenantRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Inserts a new tenant. Returns empty when the slug is taken (the unique constraint decides, so
   * two concurrent creates of one slug cannot both succeed).
   */
  public Uni<Optional<TenantRow>> insert(SqlClient tx, TenantSpec spec, String gatewayUrl) {
    return tx.preparedQuery(
            "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, generation,"
                + " gateway_url) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (slug) DO NOTHING RETURNING "
                + TenantRow.COLUMNS)
        .execute(
            Tuple.from(
                new Object[] {
                  spec.id(),
                  spec.slug(),
                  spec.desiredState().name(),
                  spec.replicas(),
                  spec.gatewayToken(),
                  spec.generation(),
                  gatewayUrl
                }))
        .map(TenantRepository::first);
  }

  public Uni<Optional<TenantRow>> findBySlug(String slug) {
    return pool.preparedQuery("SELECT " + TenantRow.COLUMNS + " FROM tenants WHERE slug = $1")
        .execute(Tuple.of(slug))
        .map(TenantRepository::first);
  }

  private static Optional<TenantRow> first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(TenantRow.from(it.next())) : Optional.empty();
  }
}
