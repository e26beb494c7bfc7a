package dev.slipway.api.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Idempotency-Key against the real database: one effect per key, replays byte for byte. */
@QuarkusTest
class IdempotencyQuarkusTest {
  @Inject Pool pool;
  @Inject IdempotencyCleanup cleanup;

  @Test
  void retryWithTheSameKeyReplaysTheFirstResponseAndChangesNothing() {
    String slug = slug();
    String key = UUID.randomUUID().toString();
    Response first = create(TestTokens.admin(), key, slug);
    first.then().statusCode(202);
    Response again = create(TestTokens.admin(), key, slug);
    again.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertEquals(first.asString(), again.asString());
    assertEquals(first.header("Location"), again.header("Location"));
    admin()
        .get("/v1/tenants/" + slug + "/operations")
        .then()
        .body("items.type", contains("CREATE"));
  }

  @Test
  void sameKeyWithAnotherRequestIs422() {
    String key = UUID.randomUUID().toString();
    create(TestTokens.admin(), key, slug()).then().statusCode(202);
    create(TestTokens.admin(), key, slug())
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void concurrentRequestsWithOneKeyTakeEffectOnce() throws Exception {
    String slug = slug();
    String key = UUID.randomUUID().toString();
    String token = TestTokens.admin();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Response>> calls =
          java.util.Collections.nCopies(8, () -> create(token, key, slug));
      List<String> bodies = new java.util.ArrayList<>();
      for (Future<Response> f : pool.invokeAll(calls)) {
        Response r = f.get();
        assertEquals(202, r.statusCode(), r.asString());
        bodies.add(r.asString());
      }
      assertEquals(1, bodies.stream().distinct().count(), "every caller sees the one response");
    } finally {
      pool.shutdownNow();
    }
    admin()
        .get("/v1/tenants/" + slug + "/operations")
        .then()
        .body("items.type", contains("CREATE"));
  }

  @Test
  void aFailedRequestStoresNothingSoItsKeyCanBeRetried() {
    String key = UUID.randomUUID().toString();
    create(TestTokens.admin(), key, "Not_Valid").then().statusCode(422);
    create(TestTokens.admin(), key, "Not_Valid").then().statusCode(422);
    String slug = slug();
    // Only a stored response binds a key to a request.
    create(TestTokens.admin(), key, slug).then().statusCode(202);
  }

  @Test
  void keysAreScopedToTheCaller() {
    String key = UUID.randomUUID().toString();
    create(TestTokens.admin(), key, slug()).then().statusCode(202);
    String other = TestTokens.withSubject("someone-else", "admin");
    create(other, key, slug()).then().statusCode(202).header("Idempotent-Replayed", (String) null);
  }

  @Test
  void lifecycleActionsReplayToo() {
    String slug = slug();
    create(TestTokens.admin(), null, slug).then().statusCode(202);
    String key = UUID.randomUUID().toString();
    Response stop =
        admin().header(IdempotencyKey.HEADER, key).post("/v1/tenants/" + slug + "/stop");
    stop.then().statusCode(202);
    admin().post("/v1/tenants/" + slug + "/start").then().statusCode(202);
    // A late retry of the stop replays it instead of stopping the restarted tenant.
    Response retry =
        admin().header(IdempotencyKey.HEADER, key).post("/v1/tenants/" + slug + "/stop");
    retry.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertEquals(stop.asString(), retry.asString());
    admin().get("/v1/tenants/" + slug).then().body("desiredState", equalTo("RUNNING"));
  }

  @Test
  void malformedKeysAreRejected() {
    create(TestTokens.admin(), "has space", slug()).then().statusCode(400);
    create(TestTokens.admin(), "x".repeat(256), slug()).then().statusCode(400);
  }

  @Test
  void cleanupDeletesOnlyExpiredKeys() {
    String old = "old-" + UUID.randomUUID();
    String fresh = "fresh-" + UUID.randomUUID();
    insertKey(old, "now() - interval '25 hours'");
    insertKey(fresh, "now() - interval '23 hours'");
    cleanup.deleteExpired();
    assertEquals(0, countKey(old));
    assertEquals(1, countKey(fresh));
  }

  private void insertKey(String key, String createdAt) {
    pool.preparedQuery(
            "INSERT INTO idempotency_keys (principal, key, method, path, request_hash, created_at)"
                + " VALUES ('test', $1, 'POST', '/x', 'h', "
                + createdAt
                + ")")
        .execute(Tuple.of(key))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private long countKey(String key) {
    return pool.preparedQuery("SELECT count(*) FROM idempotency_keys WHERE key = $1")
        .execute(Tuple.of(key))
        .await()
        .atMost(Duration.ofSeconds(5))
        .iterator()
        .next()
        .getLong(0);
  }

  private static RequestSpecification admin() {
    return given().auth().oauth2(TestTokens.admin());
  }

  private static Response create(String token, String key, String slug) {
    RequestSpecification request = TestApi.tenantCreation(token, slug);
    if (key != null) {
      request.header(IdempotencyKey.HEADER, key);
    }
    return request.post("/v1/tenants");
  }

  private static String slug() {
    return "idem-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
