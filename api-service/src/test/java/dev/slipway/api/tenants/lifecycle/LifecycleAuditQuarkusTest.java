package dev.slipway.api.tenants.lifecycle;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle writes go the way of every tenant write: each is audited once, through the tenant-write
 * audit record (requester's subject and issuer, the operation it queued), and its operation records
 * who asked. A restore runs the create's slug-collision check.
 */
@QuarkusTest
class LifecycleAuditQuarkusTest {
  static final String ISSUER = "https://slipway.dev"; // src/test/resources: mp.jwt.verify.issuer
  static final String BOB = "bob@example.com";

  @Inject Pool pool;

  @Test
  void everyLifecycleWriteIsAuditedOnceWithItsRequester() {
    String slug = TestApi.uniqueSlug("la");
    List<String> ops = new ArrayList<>();
    ops.add(
        bob()
            .contentType(ContentType.JSON)
            .body(Map.of("slug", slug, "deletionProtection", Map.of("reason", "key account")))
            .post("/v1/tenants")
            .then()
            .statusCode(202)
            .extract()
            .path("operation.id"));
    patch(slug, "{\"deletionProtection\":null}").then().statusCode(200);
    patch(slug, "{\"deletionProtection\":{\"reason\":\"legal hold\"}}").then().statusCode(200);
    patch(slug, "{\"deletionProtection\":null}").then().statusCode(200);
    ops.add(write(reason(slug, "suspend", "unpaid")));
    ops.add(write(bob().delete("/v1/tenants/" + slug)));
    ops.add(write(bob().post("/v1/tenants/" + slug + "/restore")));
    ops.add(write(reason(slug, "resume", "paid")));
    ops.add(write(bob().delete("/v1/tenants/" + slug)));
    ops.add(
        write(
            bob()
                .contentType(ContentType.JSON)
                .body(Map.of("confirm", slug))
                .post("/v1/tenants/" + slug + "/purge")));

    List<Map<String, Object>> records =
        TestApi.as(TestTokens.ops())
            .get("/v1/ops/audit?limit=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.findAll { it.target == '" + slug + "' }.reverse()");
    assertEquals(
        List.of(
            "tenant.create",
            "tenant.unprotect",
            "tenant.protect",
            "tenant.unprotect",
            "tenant.suspend",
            "tenant.delete",
            "tenant.restore",
            "tenant.resume",
            "tenant.delete",
            "tenant.purge"),
        records.stream().map(r -> r.get("action")).toList());
    List<String> reasons =
        Arrays.asList(null, null, "legal hold", null, "unpaid", null, null, "paid", null, null);
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, Object> r = records.get(i);
      assertEquals(BOB, r.get("actor"), r.toString());
      assertEquals(ISSUER, r.get("issuer"), r.toString());
      assertEquals(reasons.get(i), r.get("reason"), r.toString());
      outcomes.add((String) r.get("outcome"));
    }
    List<String> queued = new ArrayList<>();
    queued.add("queued operation " + ops.get(0));
    queued.addAll(
        List.of(
            "deletion protection cleared",
            "deletion protection set",
            "deletion protection cleared"));
    ops.subList(1, ops.size()).forEach(op -> queued.add("queued operation " + op));
    assertEquals(queued, outcomes);

    List<Object> requesters =
        TestApi.as(TestTokens.ops())
            .get("/v1/tenants/" + slug + "/operations?limit=20")
            .jsonPath()
            .getList("items.requestedBy.subject");
    assertEquals(ops.size(), requesters.size());
    requesters.forEach(subject -> assertEquals(BOB, subject));
  }

  @Test
  void restoreRefusesASlugWhoseObjectsCollideWithALiveTenant() {
    String slug = TestApi.uniqueSlug("rc");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    bob().delete("/v1/tenants/" + slug).then().statusCode(202);
    // A live tenant named like our TLS Secret, as one created before the create's check could be.
    sql(
        "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, generation,"
            + " gateway_url, plan, sizing, image_version, gateway_config, namespace)"
            + " SELECT gen_random_uuid(), slug || '-tls', 'RUNNING', replicas, gateway_token,"
            + " 1, gateway_url, plan, sizing, image_version, gateway_config, namespace"
            + " FROM tenants WHERE slug = $1",
        slug);
    bob()
        .post("/v1/tenants/" + slug + "/restore")
        .then()
        .statusCode(409)
        .body("detail", containsString("collides with tenant '" + slug + "-tls'"));
    bob().get("/v1/tenants/" + slug).then().body("lifecycle", equalTo("DELETED"));

    sql(
        "UPDATE tenants SET phase = 'DELETED', desired_state = 'DELETED', purged_at = now()"
            + " WHERE slug = $1 || '-tls'",
        slug);
    bob()
        .post("/v1/tenants/" + slug + "/restore")
        .then()
        .statusCode(202)
        .body("tenant.lifecycle", equalTo("ACTIVE"));
  }

  private void sql(String statement, String slug) {
    pool.preparedQuery(statement).execute(Tuple.of(slug)).await().atMost(Duration.ofSeconds(5));
  }

  private static String write(Response response) {
    return response.then().statusCode(202).extract().path("operation.id");
  }

  private static RequestSpecification bob() {
    return TestApi.as(TestTokens.withSubject(BOB, "admin"));
  }

  private static Response reason(String slug, String action, String reason) {
    return bob()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post("/v1/tenants/" + slug + "/" + action);
  }

  private static Response patch(String slug, String body) {
    return bob().contentType(ContentType.JSON).body(body).patch("/v1/tenants/" + slug);
  }
}
