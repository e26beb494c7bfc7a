package dev.slipway.api.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Appends to and pages through ops_audit. Records are never updated or deleted. */
@ApplicationScoped
public class AuditRepository {
  private final Pool pool;

  AuditRepository(Pool pool) {
    this.pool = pool;
  }

  /** Appends a record with the given client (a transaction, or the pool). */
  public Uni<Void> append(SqlClient client, AuditRow r) {
    return client
        .preparedQuery(
            "INSERT INTO ops_audit (actor, action, target, filter, reason, counts, outcome,"
                + " issuer) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6::text::jsonb, $7, $8)")
        .execute(
            Tuple.from(
                new Object[] {
                  r.actor(),
                  r.action(),
                  r.target(),
                  r.filter(),
                  r.reason(),
                  r.counts(),
                  r.outcome(),
                  r.issuer()
                }))
        .replaceWithVoid();
  }

  public Uni<Void> append(AuditRow r) {
    return append(pool, r);
  }

  /** One page, newest first, strictly before the given position. */
  public Uni<List<AuditRow>> list(OffsetDateTime beforeAt, long beforeId, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + AuditRow.COLUMNS
                + " FROM ops_audit WHERE (at, id) < ($1, $2) ORDER BY at DESC, id DESC LIMIT $3")
        .execute(Tuple.of(beforeAt, beforeId, limit))
        .map(
            rows -> {
              List<AuditRow> out = new ArrayList<>();
              rows.forEach(r -> out.add(AuditRow.from(r)));
              return out;
            });
  }
}
