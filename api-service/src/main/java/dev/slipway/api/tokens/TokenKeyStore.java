package dev.slipway.api.tokens;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows whose secrets the token-key job seals or re-wraps: tenants' gateway tokens and stored
 * responses that carry one. Rows are claimed with SKIP LOCKED, so two API replicas (or a request
 * and the scheduled job) share the work instead of waiting on each other.
 */
@ApplicationScoped
class TokenKeyStore {
  /** A row from before issue 22: its token (or the token in its body) is in clear. */
  private static final String TENANT_CLEAR = "token_key_id IS NULL";

  private static final String BODY_CLEAR =
      "(body_key_id IS NULL AND body LIKE '%\"gatewayToken\":\"%')";

  private final Pool pool;

  TokenKeyStore(Pool pool) {
    this.pool = pool;
  }

  /** One stored secret: where it is, its current text and the KEK it is under (null: clear). */
  record Secret(String table, String id, String key, String text, String keyId) {
    @Override
    public String toString() {
      return "Secret[" + table + " " + id + ", keyId=" + keyId + "]";
    }
  }

  /** Tenant tokens to seal ({@code currentKeyId} null: clear ones only) or to re-wrap. */
  Uni<List<Secret>> claimTenants(SqlClient tx, String currentKeyId, int limit) {
    return tx.preparedQuery(
            "SELECT id::text AS id, gateway_token, token_key_id FROM tenants WHERE "
                + tenantWhere(currentKeyId)
                + " ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(currentKeyId, limit))
        .map(
            rows -> {
              List<Secret> out = new ArrayList<>();
              rows.forEach(
                  r ->
                      out.add(
                          new Secret(
                              "tenants",
                              r.getString("id"),
                              null,
                              r.getString("gateway_token"),
                              r.getString("token_key_id"))));
              return out;
            });
  }

  Uni<List<Secret>> claimBodies(SqlClient tx, String currentKeyId, int limit) {
    return tx.preparedQuery(
            "SELECT principal, key, body, body_key_id FROM idempotency_keys WHERE "
                + bodyWhere(currentKeyId)
                + " LIMIT $2 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(currentKeyId, limit))
        .map(
            rows -> {
              List<Secret> out = new ArrayList<>();
              rows.forEach(
                  r ->
                      out.add(
                          new Secret(
                              "idempotency_keys",
                              r.getString("principal"),
                              r.getString("key"),
                              r.getString("body"),
                              r.getString("body_key_id"))));
              return out;
            });
  }

  /**
   * Stores a sealed secret. The tenant's generation stays as it is: the token did not change, so
   * the worker has nothing to apply.
   */
  Uni<Void> store(SqlClient tx, Secret secret, String sealed, String keyId) {
    if (secret.table().equals("tenants")) {
      return tx.preparedQuery(
              "UPDATE tenants SET gateway_token = $2, token_key_id = $3 WHERE id = $1::uuid")
          .execute(Tuple.of(secret.id(), sealed, keyId))
          .replaceWithVoid();
    }
    return tx.preparedQuery(
            "UPDATE idempotency_keys SET body = $3, body_key_id = $4"
                + " WHERE principal = $1 AND key = $2")
        .execute(Tuple.of(secret.id(), secret.key(), sealed, keyId))
        .replaceWithVoid();
  }

  /** Rows still to do: {tenants, stored responses}. */
  Uni<long[]> remaining(String currentKeyId) {
    return pool.preparedQuery(
            "SELECT (SELECT count(*) FROM tenants WHERE "
                + tenantWhere(currentKeyId)
                + ") AS tenants, (SELECT count(*) FROM idempotency_keys WHERE "
                + bodyWhere(currentKeyId)
                + ") AS bodies")
        .execute(Tuple.tuple().addString(currentKeyId))
        .map(rows -> rows.iterator().next())
        .map(r -> new long[] {r.getLong("tenants"), r.getLong("bodies")});
  }

  private static String tenantWhere(String currentKeyId) {
    // $1 is always bound (and typed) so both forms take the same parameters.
    return currentKeyId == null
        ? "(" + TENANT_CLEAR + " AND $1::text IS NULL)"
        : "token_key_id IS DISTINCT FROM $1::text";
  }

  private static String bodyWhere(String currentKeyId) {
    return currentKeyId == null
        ? "(" + BODY_CLEAR + " AND $1::text IS NULL)"
        : "(" + BODY_CLEAR + " OR (body_key_id IS NOT NULL AND body_key_id <> $1::text))";
  }
}
