package dev.slipway.api.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** The idempotency_keys table. */
@ApplicationScoped
class IdempotencyRepository {
  private final Pool pool;

  IdempotencyRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Claims the key in the caller's transaction. When another transaction holds the same key
   * uncommitted, PostgreSQL makes this wait for it: concurrent requests with one key thus take
   * effect once, and the later one sees the earlier one's response.
   */
  Uni<Boolean> claim(SqlClient tx, IdempotencyKey key) {
    return tx.preparedQuery(
            "INSERT INTO idempotency_keys (principal, key, method, path, request_hash)"
                + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(key.principal(), key.key(), key.method(), key.path(), key.requestHash()))
        .map(rows -> rows.rowCount() == 1);
  }

  /** {@code bodyKeyId}: the KEK {@code body} is sealed under, null for a body in clear. */
  Uni<Void> complete(
      SqlClient tx, IdempotencyKey key, StoredResponse response, String body, String bodyKeyId) {
    return tx.preparedQuery(
            "UPDATE idempotency_keys SET status = $3, body = $4, location = $5, etag = $6,"
                + " body_key_id = $7 WHERE principal = $1 AND key = $2")
        .execute(
            Tuple.from(
                new Object[] {
                  key.principal(),
                  key.key(),
                  response.status(),
                  body,
                  response.location(),
                  response.etag(),
                  bodyKeyId
                }))
        .replaceWithVoid();
  }

  Uni<Optional<Row>> find(SqlClient tx, IdempotencyKey key) {
    return tx.preparedQuery(
            "SELECT request_hash, status, body, body_key_id, location, etag FROM idempotency_keys"
                + " WHERE principal = $1 AND key = $2")
        .execute(Tuple.of(key.principal(), key.key()))
        .map(
            rows ->
                rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
  }

  Uni<Integer> deleteOlderThan(Duration age, int limit) {
    return pool.preparedQuery(
            "DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys"
                + " WHERE created_at < now() - make_interval(secs => $1) LIMIT $2)")
        .execute(Tuple.of((double) age.toSeconds(), limit))
        .map(rows -> rows.rowCount());
  }
}
