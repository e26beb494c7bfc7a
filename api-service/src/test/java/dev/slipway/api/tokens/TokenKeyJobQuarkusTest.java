package dev.slipway.api.tokens;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.StoredSecrets;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.shared.tokens.LocalKeyFile;
import dev.slipway.shared.tokens.LocalKeyProvider;
import dev.slipway.shared.tokens.TokenCipher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The token-key job: the one-time sealing of rows written before issue 22, and KEK rotation, which
 * re-wraps every data key, reports what is left and resumes where it stopped.
 */
@QuarkusTest
@TestProfile(RotatedKeys.class)
class TokenKeyJobQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @Inject Pool pool;
  @Inject TokenCipher cipher;
  @Inject TokenKeyJob job;

  @Test
  void rowsWrittenByTheOldCodeAreSealedAndStillGiveTheSameTokenAndReplay() {
    // A tenant as the code before issue 22 inserted it: token in clear, no KEK id.
    String legacyToken = "c0ffee".repeat(10) + "abcd";
    UUID legacyId = UUID.randomUUID();
    sql(
        "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, generation,"
            + " gateway_url) VALUES ($1, $2, 'RUNNING', 1, $3, 1, 'wss://legacy.example')",
        Tuple.of(legacyId, TestApi.uniqueSlug("legacy"), legacyToken));
    // A create stored under an Idempotency-Key, then put back as the old code stored it.
    String slug = TestApi.uniqueSlug("legacy-replay");
    String key = UUID.randomUUID().toString();
    Response first = create(key, slug);
    String token = first.path("gatewayToken");
    sql(
        "UPDATE tenants SET gateway_token = $2, token_key_id = NULL WHERE slug = $1",
        Tuple.of(slug, token));
    sql(
        "UPDATE idempotency_keys SET body = $2, body_key_id = NULL WHERE key = $1",
        Tuple.of(key, first.asString()));
    assertEquals(
        List.of("idempotency_keys.body", "tenants.gateway_token"),
        StoredSecrets.columnsHolding(pool, token).stream().sorted().toList());

    TokenKeyJob.Progress progress = job.run(false, WAIT).await().atMost(WAIT);

    assertTrue(progress.tenants() >= 2 && progress.bodies() >= 1, progress.toString());
    assertEquals(List.of(), StoredSecrets.columnsHolding(pool, token));
    assertEquals(List.of(), StoredSecrets.columnsHolding(pool, legacyToken));
    Row legacy = one("SELECT gateway_token, token_key_id FROM tenants WHERE id = $1", legacyId);
    assertEquals(cipher.currentKeyId(), legacy.getString("token_key_id"));
    // The same token, so the worker renders the same Secret (provisioner-worker's
    // SealedTokenQuarkusTest renders it from a row sealed this way).
    assertEquals(legacyToken, cipher.open(legacy.getString("gateway_token")));
    Response replay = create(key, slug);
    replay.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertEquals(first.asString(), replay.asString());
  }

  @Test
  void rotationRewrapsEveryDataKeyResumablyAndTheTokensStillOpen() {
    // Rows sealed under the previous KEK (the second line of the rotated key file).
    TokenCipher previous =
        new TokenCipher(new LocalKeyProvider(LocalKeyFile.read(RotatedKeys.BASE)));
    String token = "f00d".repeat(16);
    String sealed = previous.seal(token);
    String prefix = "rot-" + UUID.randomUUID().toString().substring(0, 8);
    int rows = TokenKeyJob.BATCH + 50;
    sql(
        "INSERT INTO tenants (id, slug, desired_state, phase, replicas, gateway_token,"
            + " token_key_id, generation, gateway_url) SELECT gen_random_uuid(), $1::text || '-' || g,"
            + " 'DELETED', 'DELETED', 0, $2::text, $3::text, 1, 'wss://rotated.example'"
            + " FROM generate_series(1, $4::int) g",
        Tuple.of(prefix, sealed, TokenCipher.keyIdOf(sealed), rows));
    assertNotEquals(cipher.currentKeyId(), TokenCipher.keyIdOf(sealed));

    // A run stopped after its first batch has done part and reports the rest...
    TokenKeyJob.Progress partial = job.run(true, Duration.ZERO).await().atMost(WAIT);
    assertFalse(partial.done());
    assertTrue(partial.tenantsLeft() >= 50, partial.toString());

    // ...and the documented command finishes it, audited.
    TestApi.as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"yearly KEK rotation\"}")
        .post("/v1/ops/token-keys/rotate")
        .then()
        .statusCode(200)
        .body("keyId", equalTo(cipher.currentKeyId()))
        .body("done", equalTo(true))
        .body("remaining.tenants", equalTo(0))
        .body("remaining.storedResponses", equalTo(0));

    RowSet<Row> after =
        pool.preparedQuery("SELECT gateway_token, token_key_id FROM tenants WHERE slug LIKE $1")
            .execute(Tuple.of(prefix + "-%"))
            .await()
            .atMost(WAIT);
    assertEquals(rows, after.size());
    for (Row row : after) {
      assertEquals(cipher.currentKeyId(), row.getString("token_key_id"));
      assertEquals(token, cipher.open(row.getString("gateway_token")));
    }
    TestApi.as(TestTokens.ops())
        .get("/v1/ops/token-keys")
        .then()
        .statusCode(200)
        .body("remaining.tenants", equalTo(0));
    TestApi.as(TestTokens.ops())
        .get("/v1/ops/audit?limit=20")
        .then()
        .statusCode(200)
        .body("items.action", hasItem("rotate_token_key"));
  }

  @Test
  void rotationNeedsAReasonAndAnOpsRole() {
    TestApi.as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v1/ops/token-keys/rotate")
        .then()
        .statusCode(422);
    TestApi.as(TestTokens.tenant(UUID.randomUUID().toString()))
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/v1/ops/token-keys/rotate")
        .then()
        .statusCode(403);
  }

  private static Response create(String key, String slug) {
    return TestApi.tenantCreation(TestTokens.admin(), slug)
        .header("Idempotency-Key", key)
        .post("/v1/tenants");
  }

  private void sql(String sql, Tuple args) {
    pool.preparedQuery(sql).execute(args).await().atMost(WAIT);
  }

  private Row one(String sql, Object arg) {
    return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().atMost(WAIT).iterator().next();
  }
}
