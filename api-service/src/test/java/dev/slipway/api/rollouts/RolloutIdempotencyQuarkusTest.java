package dev.slipway.api.rollouts;

import static dev.slipway.api.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on POST /v1/rollouts, as on tenant creates: the same key and body replay the
 * stored response and create nothing; the same key with another body is a 422.
 */
@QuarkusTest
class RolloutIdempotencyQuarkusTest {
  @Inject Pool pool;

  private static Response post(String key, String body) {
    return as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/v1/rollouts");
  }

  private static String rollout(RolloutFixture f, String image) {
    return "{\"target\":{\"imageVersion\":\""
        + image
        + "\"},\"selector\":"
        + f.selector()
        + ",\"strategy\":{\"waves\":[\"100%\"],\"readyTimeout\":\"1h\"},\"reason\":\"retry\"}";
  }

  @Test
  void aRetriedCreateReplaysTheFirstResponseAndCreatesNothing() {
    RolloutFixture f = new RolloutFixture(pool).tenants(2);
    String key = UUID.randomUUID().toString();
    String body = rollout(f, "1.2.3");
    var first = post(key, body).then().statusCode(202).header("Idempotent-Replayed", nullValue());
    String id = first.extract().path("id");
    String location = first.extract().header("Location");
    long rollouts = f.number("SELECT count(*) FROM rollouts");

    post(key, body)
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .header("Location", location)
        .body("id", equalTo(id));
    assertEquals(rollouts, f.number("SELECT count(*) FROM rollouts"), "no second rollout");

    post(key, rollout(f, "1.2.4")).then().statusCode(422).contentType("application/problem+json");
    // Without the key the same body is a new request: it overlaps the first rollout.
    RolloutFixture.post(body).then().statusCode(409);
  }

  @Test
  void aRefusedBulkOperationStoresNothingAndItsCorrectionReplays() {
    RolloutFixture f = new RolloutFixture(pool).tenants(4);
    String key = UUID.randomUUID().toString();
    String stop =
        "{\"target\":{\"action\":\"stop\"},\"selector\":"
            + f.selector()
            + ",\"strategy\":{\"waves\":[\"100%\"],\"readyTimeout\":\"1h\"},\"reason\":\"r\"";
    // Refused (no confirm): nothing is stored under the key, so the corrected request may use it.
    post(key, stop + "}").then().statusCode(422).body("errors.field", hasItem("confirm"));
    String id = post(key, stop + ",\"confirm\":4}").then().statusCode(202).extract().path("id");
    post(key, stop + ",\"confirm\":4}")
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id))
        .body("kind", equalTo("BULK"));
    assertEquals(
        4,
        f.number(
            "SELECT count(*) FROM rollout_tenants rt JOIN tenants t ON t.id = rt.tenant_id"
                + " WHERE t.labels @> jsonb_build_object('suite', $1::text)",
            f.suite),
        "one bulk operation holds the tenants, not two");
  }
}
