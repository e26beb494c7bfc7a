package dev.slipway.api.rollouts;

import static dev.slipway.api.TestApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input, authorization and the dry run of POST /v1/rollouts. */
@QuarkusTest
class RolloutInputQuarkusTest {
  private static final String STRATEGY = "{\"canary\":1,\"waves\":[\"100%\"]}";
  @Inject Pool pool;

  private static String request(String target, String selector, String strategy, String reason) {
    return "{\"target\":"
        + target
        + ",\"selector\":"
        + selector
        + ",\"strategy\":"
        + strategy
        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
        + "}";
  }

  private static void refused(String body, int status, String field) {
    RolloutFixture.post(body)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  @Test
  void badInputIsA422NamingTheField() {
    RolloutFixture f = new RolloutFixture(pool).tenants(3);
    String image = "{\"imageVersion\":\"1.2.3\"}";
    refused(request(image, "{}", STRATEGY, "r"), 422, "selector");
    refused(request(image, "{\"plans\":[\"huge\"]}", STRATEGY, "r"), 422, "selector.plans");
    refused(request(image, f.selector(), "{\"waves\":[\"50%\"]}", "r"), 422, "strategy.waves");
    refused(
        request(image, f.selector(), "{\"waves\":[\"50%\",\"20%\"]}", "r"), 422, "strategy.waves");
    refused(request(image, f.selector(), "{\"waves\":[\"half\"]}", "r"), 422, "strategy.waves");
    refused(
        request(image, f.selector(), "{\"canary\":5,\"waves\":[\"100%\"]}", "r"),
        422,
        "strategy.canary");
    refused(
        request(image, f.selector(), "{\"waves\":[\"100%\"],\"bake\":\"soon\"}", "r"),
        422,
        "strategy.bake");
    refused(request(image, f.selector(), STRATEGY, null), 422, "reason");
    refused(request("{\"plan\":\"huge\"}", f.selector(), STRATEGY, "r"), 422, "target.plan");
    refused(request("{}", f.selector(), STRATEGY, "r"), 422, "target");
    refused(
        request("{\"gatewayConfig\":{\"burst\":0}}", f.selector(), STRATEGY, "r"),
        422,
        "target.gatewayConfig.burst");
    refused(
        request(image, "{\"slugs\":[\"no-such-tenant\"]}", STRATEGY, "r"), 422, "selector.slugs");
    refused(
        request(
            image, "{\"labels\":{\"suite\":\"nobody-" + UUID.randomUUID() + "\"}}", STRATEGY, "r"),
        422,
        "selector");
    assertEquals(0, f.updates(), "no refused request changed anything");
  }

  @Test
  void aRolloutOverlappingAnActiveOneIsA409NamingIt() {
    RolloutFixture f = new RolloutFixture(pool).tenants(2);
    String body =
        request(
            "{\"imageVersion\":\"1.2.3\"}",
            f.selector(),
            "{\"canary\":1,\"waves\":[\"100%\"],\"readyTimeout\":\"1h\"}",
            "first");
    String first = RolloutFixture.post(body).then().statusCode(202).extract().path("id");
    RolloutFixture.post(body)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(first));
  }

  @Test
  void aDryRunShowsWavesAndDiffsAndWritesNothing() {
    RolloutFixture f = new RolloutFixture(pool).tenants(3);
    // Counted for this test's tenants and reason only: the suite shares one database, and the
    // engine keeps advancing earlier tests' rollouts (writing outbox rows) while this one runs.
    String reason = "try-" + f.suite;
    long generations = f.generations();
    long outbox = f.outboxRows();
    String body =
        "{\"target\":{\"imageVersion\":\"1.2.3\"},\"selector\":"
            + f.selector()
            + ",\"strategy\":{\"canary\":1,\"waves\":[\"100%\"]},\"reason\":\""
            + reason
            + "\",\"dryRun\":true}";
    RolloutFixture.post(body)
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("total", equalTo(3))
        .body("waves", hasSize(2))
        .body("waves[0].tenants", hasSize(1))
        .body("diffs", hasSize(1))
        .body("diffs[0].count", equalTo(3))
        .body("diffs[0].slugs", equalTo(f.slugs.stream().sorted().toList()))
        .body("diffs[0].example", equalTo(f.slugs.stream().sorted().findFirst().orElseThrow()))
        .body("diffs[0].changes.path", hasItem("spec.template.spec.containers[0].image"))
        .body("diffs[0].changes.after", hasItem(containsString(":1.2.3")));
    assertEquals(generations, f.generations(), "no generation moved");
    assertEquals(0, f.number("SELECT count(*) FROM rollouts WHERE reason = $1", reason));
    assertEquals(outbox, f.outboxRows(), "no outbox row");
    assertEquals(0, f.number("SELECT count(*) FROM fleet_versions WHERE reason = $1", reason));
  }

  @Test
  void onlyAdminsCreateAndControlOpsMayRead() {
    RolloutFixture f = new RolloutFixture(pool).tenants(1);
    String body = request("{\"imageVersion\":\"1.2.3\"}", f.selector(), STRATEGY, "authz");
    as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/rollouts")
        .then()
        .statusCode(403);
    given().contentType(ContentType.JSON).body(body).post("/v1/rollouts").then().statusCode(401);
    String tenantId =
        as(TestTokens.admin()).get("/v1/tenants/" + f.slugs.get(0)).then().extract().path("id");
    as(TestTokens.tenant(tenantId))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/rollouts")
        .then()
        .statusCode(403);
    String id = RolloutFixture.post(body).then().statusCode(202).extract().path("id");
    as(TestTokens.ops()).get("/v1/rollouts/" + id).then().statusCode(200);
    as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v1/rollouts/" + id + "/pause")
        .then()
        .statusCode(403);
    as(TestTokens.tenant(tenantId)).get("/v1/rollouts").then().statusCode(403);
    as(TestTokens.admin()).get("/v1/rollouts/" + UUID.randomUUID()).then().statusCode(404);
    as(TestTokens.admin()).get("/v1/rollouts?status=DONE").then().statusCode(422);
    as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"cleanup\"}")
        .post("/v1/rollouts/" + id + "/abort")
        .then()
        .statusCode(200);
  }
}
