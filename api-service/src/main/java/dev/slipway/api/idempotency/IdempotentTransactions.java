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
  private final StoredBodies bodies;

  IdempotentTransactions(
      Pool pool,
      IdempotencyRepository keys,
      OperationEnqueuer enqueuer,
      WriteConcurrency concurrency,
      StoredBodies bodies) {
    this.pool = pool;
    this.keys = keys;
    this.enqueuer = enqueuer;
    this.concurrency = concurrency;
    this.bodies = bodies;
  }

  /** Nothing to check again before a replay (the caller's role already covers it). */
  public static final Function<SqlClient, Uni<Void>> NO_RECHECK = tx -> Uni.createFrom().voidItem();

  /**
   * @param key null when the request has no Idempotency-Key
   */
  public Uni<StoredResponse> run(
      IdempotencyKey key, Function<SqlClient, Uni<StoredResponse>> work) {
    return run(key, work, NO_RECHECK);
  }

  /**
   * As {@link #run(IdempotencyKey, Function)}; {@code recheck} runs before a stored response is
   * replayed and fails (typically a 404) when the caller may no longer see what it is about: the
   * access a first response was given under is checked again, not assumed.
   */
  public Uni<StoredResponse> run(
      IdempotencyKey key,
      Function<SqlClient, Uni<StoredResponse>> work,
      Function<SqlClient, Uni<Void>> recheck) {
    Uni<StoredResponse> result =
        concurrency.admit(
            () ->
                pool.withTransaction(
                    tx -> key == null ? work.apply(tx) : runOnce(tx, key, work, recheck)));
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
      return run(key, work, NO_RECHECK);
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

  /**
   * As {@link #run}, for blocking work in the caller's own transaction {@code tx} (on a worker
   * thread, e.g. the rollout endpoints'): the key is claimed first in {@code tx}, so a retry
   * replays the stored response instead of running the work again; the work's response is stored in
   * {@code tx}, committing with its change. {@code key} null: just the work.
   */
  public StoredResponse inTransaction(
      SqlClient tx, IdempotencyKey key, java.util.function.Supplier<StoredResponse> work) {
    if (key == null) {
      return work.get();
    }
    if (keys.claim(tx, key).await().indefinitely()) {
      StoredResponse response = work.get();
      complete(tx, key, response).await().indefinitely();
      return response;
    }
    Row stored = keys.find(tx, key).await().indefinitely().orElseThrow();
    return replay(tx, key, stored, NO_RECHECK).await().indefinitely();
  }

  private Uni<StoredResponse> runOnce(
      SqlClient tx,
      IdempotencyKey key,
      Function<SqlClient, Uni<StoredResponse>> work,
      Function<SqlClient, Uni<Void>> recheck) {
    return keys.claim(tx, key)
        .flatMap(
            claimed ->
                claimed
                    ? work.apply(tx).call(response -> complete(tx, key, response))
                    : keys.find(tx, key)
                        .flatMap(row -> replay(tx, key, row.orElseThrow(), recheck)));
  }

  private Uni<Void> complete(SqlClient tx, IdempotencyKey key, StoredResponse response) {
    return bodies
        .toStore(response.body())
        .flatMap(stored -> keys.complete(tx, key, response, stored.text(), stored.keyId()));
  }

  private Uni<StoredResponse> replay(
      SqlClient tx, IdempotencyKey key, Row stored, Function<SqlClient, Uni<Void>> recheck) {
    StoredResponse response = storedResponse(key, stored);
    return recheck
        .apply(tx)
        .flatMap(ok -> bodies.fromStore(response.body(), stored.getString("body_key_id")))
        .map(
            body ->
                new StoredResponse(
                        response.status(), body, response.location(), response.etag(), false)
                    .asReplay());
  }

  private static StoredResponse storedResponse(IdempotencyKey key, Row stored) {
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
        false);
  }
}
