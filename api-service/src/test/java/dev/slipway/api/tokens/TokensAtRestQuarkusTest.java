package dev.slipway.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.StoredSecrets;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.shared.tokens.SealedValue;
import dev.slipway.shared.tokens.TokenCipher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tokens at rest (issue 22) against the real database: what a create and a rotation store, their
 * replays, and who may replay them.
 */
@QuarkusTest
class TokensAtRestQuarkusTest {
  @Inject Pool pool;
  @Inject TokenCipher cipher;

  @Test
  void aCreateStoresNoClearTokenAndItsReplayReturnsTheOriginalToken() {
    String slug = TestApi.uniqueSlug("sealed");
    String key = UUID.randomUUID().toString();
    Response first = create(TestTokens.admin(), key, slug);
    first.then().statusCode(202);
    String token = first.path("gatewayToken");

    assertEquals(List.of(), StoredSecrets.columnsHolding(pool, token));
    Row tenant = one("SELECT gateway_token, token_key_id FROM tenants WHERE slug = $1", slug);
    assertTrue(SealedValue.isSealed(tenant.getString("gateway_token")));
    assertEquals(cipher.currentKeyId(), tenant.getString("token_key_id"));
    assertEquals(token, cipher.open(tenant.getString("gateway_token")));
    Row stored = one("SELECT body, body_key_id FROM idempotency_keys WHERE key = $1", key);
    assertEquals(cipher.currentKeyId(), stored.getString("body_key_id"));

    Response replay = create(TestTokens.admin(), key, slug);
    replay.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertEquals(first.asString(), replay.asString());
  }

  @Test
  void aResponseWithoutATokenIsStoredAsItIs() {
    String slug = TestApi.uniqueSlug("plain");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    String key = UUID.randomUUID().toString();
    TestApi.as(TestTokens.admin())
        .header("Idempotency-Key", key)
        .post("/v1/tenants/" + slug + "/stop")
        .then()
        .statusCode(202);
    Row stored = one("SELECT body, body_key_id FROM idempotency_keys WHERE key = $1", key);
    assertNull(stored.getString("body_key_id"));
    assertTrue(stored.getString("body").contains(slug));
  }

  @Test
  void anotherSubjectWithTheSameDisplayNameIsNotServedTheStoredResponse() {
    String slug = TestApi.uniqueSlug("scope");
    String key = UUID.randomUUID().toString();
    Response first = create(adminNamed("alice", "subject-1"), key, slug);
    first.then().statusCode(202);

    Response other = create(adminNamed("alice", "subject-2"), key, slug);

    // Its own request under its own scope: the slug is taken now, and no token is shown.
    other.then().statusCode(409).header("Idempotent-Replayed", (String) null);
    assertTrue(!other.asString().contains((String) first.path("gatewayToken")));
    create(adminNamed("alice", "subject-1"), key, slug)
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true");
  }

  @Test
  void aReplayChecksTheCallersAccessToTheTenantAgain() {
    String slug = TestApi.uniqueSlug("recheck");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    String key = UUID.randomUUID().toString();
    String asAdmin = token("carol", Set.of("admin"));
    rotate(asAdmin, key, slug).then().statusCode(202);

    // Same issuer, subject and (absent) tenant claim, so the same replay scope, but no longer
    // an admin: the role allows rotating one's own tenant, and this tenant is not its own.
    String demoted = token("carol", Set.of("tenant"));
    Response replay = rotate(demoted, key, slug);

    replay.then().statusCode(404).header("Idempotent-Replayed", (String) null);
    rotate(asAdmin, key, slug).then().statusCode(202).header("Idempotent-Replayed", "true");
  }

  @Test
  void rotationStoresTheNewTokenSealedAndTheTenantTokenChanges() {
    String slug = TestApi.uniqueSlug("rotate");
    String created = TestApi.createTenant(TestTokens.admin(), slug).path("gatewayToken");
    String rotated = TestApi.rotateToken(TestTokens.admin(), slug);
    assertNotEquals(created, rotated);
    Row tenant = one("SELECT gateway_token FROM tenants WHERE slug = $1", slug);
    assertEquals(rotated, cipher.open(tenant.getString("gateway_token")));
    assertEquals(List.of(), StoredSecrets.columnsHolding(pool, rotated));
  }

  private static Response create(String token, String key, String slug) {
    return TestApi.tenantCreation(token, slug).header("Idempotency-Key", key).post("/v1/tenants");
  }

  private static Response rotate(String token, String key, String slug) {
    return TestApi.as(token)
        .header("Idempotency-Key", key)
        .post("/v1/tenants/" + slug + "/rotate-token");
  }

  /** An admin token whose principal name (upn) is a display name others may share. */
  private static String adminNamed(String displayName, String subject) {
    return Jwt.issuer("https://slipway.dev")
        .audience("slipway-api")
        .subject(subject)
        .upn(displayName)
        .groups(Set.of("admin"))
        .expiresIn(Duration.ofMinutes(10))
        .sign();
  }

  private static String token(String subject, Set<String> groups) {
    return Jwt.issuer("https://slipway.dev")
        .audience("slipway-api")
        .subject(subject)
        .groups(groups)
        .expiresIn(Duration.ofMinutes(10))
        .sign();
  }

  private Row one(String sql, Object arg) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(arg))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next();
  }
}
