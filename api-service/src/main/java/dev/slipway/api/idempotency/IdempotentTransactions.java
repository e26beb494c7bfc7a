package dev.slipway.api.idempotency;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.ratelimit.WriteConcurrency;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Runs a mutating request in one transaction and, when it carries an idempotency key, stores its
 * response in that same transaction: the change and the stored response commit together or not at
 * all. A retried key replays the stored response; the same key with another request is a 422. A
 * request that fails stores nothing, so it may be retried with its key.
 */
@ApplicationScoped
public class IdempotentTransactions {
  private final Pool pool;
  private final IdempotencyRepository keys;
  private final OperationEnqueuer enqueuer;
  private final WriteConcurrency concurrency;

  IdempotentTransactions(
      Pool pool,
      IdempotencyRepository keys,
      OperationEnqueuer enqueuer,
      WriteConcurrency concurrency) {
    this.pool = pool;
    this.keys = keys;
    this.enqueuer = enqueuer;
    this.concurrency = concurrency;
  }

  /**
   * @param key null when the request has no Idempotency-Key
   */
  public Uni<StoredResponse> run(
      IdempotencyKey key, Function<SqlClient, Uni<StoredResponse>> work) {
    Uni<StoredResponse> result =
        concurrency.admit(
            () ->
                pool.withTransaction(tx -> key == null ? work.apply(tx) : runOnce(tx, key, work)));
    // Commands written by this transaction go out now rather than at the next relay poll.
    return result.invoke(
        response -> {
          if (!response.replayed()) {
            enqueuer.committed();
          }
        });
  }

  /**
   * As {@link #run}, for work whose only write is one statement (atomic on its own): without an
   * Idempotency-Key it runs on the pool with no explicit transaction, saving the BEGIN and COMMIT
   * round trips; with a key it runs in a transaction, which also stores the response.
   */
  public Uni<StoredResponse> runOneStatement(
      IdempotencyKey key, Function<SqlClient, Uni<StoredResponse>> work) {
    if (key != null) {
      return run(key, work);
    }
    return concurrency
        .admit(() -> work.apply(pool))
        .invoke(
            response -> {
              if (!response.replayed()) {
                enqueuer.committed();
              }
            });
  }

  private Uni<StoredResponse> runOnce(
      SqlClient tx, IdempotencyKey key, Function<SqlClient, Uni<StoredResponse>> work) {
    return keys.claim(tx, key)
        .flatMap(
            claimed ->
                claimed
                    ? work.apply(tx).call(response -> keys.complete(tx, key, response))
                    : keys.find(tx, key).map(row -> replay(key, row.orElseThrow())));
  }

  private static StoredResponse replay(IdempotencyKey key, Row stored) {
    if (!stored.getString("request_hash").equals(key.requestHash())) {
      throw ApiException.validation(
          IdempotencyKey.HEADER
              + " '"
              + key.key()
              + "' was already used for a different request; use a new key for a new request");
    }
    return new StoredResponse(
            stored.getInteger("status"),
            stored.getString("body"),
            stored.getString("location"),
            stored.getString("etag"),
            false)
        .asReplay();
  }
}
