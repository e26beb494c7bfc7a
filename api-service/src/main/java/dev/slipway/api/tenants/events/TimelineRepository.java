package dev.slipway.api.tenants.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a tenant's timeline from its sources ({@link TimelineSql}). */
@ApplicationScoped
public class TimelineRepository {
  private final Pool pool;

  TimelineRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Up to {@code rows} events of the tenant, newest first, strictly before the query's position.
   *
   * @param createdAt when the tenant was created: audit records name it by slug from then on
   */
  public Uni<List<EventRow>> page(
      UUID tenantId, String slug, OffsetDateTime createdAt, EventQuery query, int rows) {
    return pool.preparedQuery(TimelineSql.forKinds(query.kinds()))
        .execute(
            Tuple.from(
                new Object[] {
                  tenantId,
                  slug,
                  createdAt,
                  query.beforeAt(),
                  query.beforeKey(),
                  query.since(),
                  query.until(),
                  rows
                }))
        .map(
            result -> {
              List<EventRow> out = new ArrayList<>();
              result.forEach(r -> out.add(EventRow.from(r)));
              return out;
            });
  }
}
