package dev.slipway.api.tenants;

import static dev.slipway.api.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** PATCH /v1/tenants/{slug}: plan, image version and gateway limits. */
@QuarkusTest
class TenantUpdateQuarkusTest {
  @Inject Pool pool;

  @Test
  void planChangeBumpsGenerationQueuesAnUpdateAndResizes() {
    String slug = created("{}");
    patch(slug, "{\"plan\":\"large\"}")
        .then()
        .statusCode(202)
        .header("ETag", "\"2\"")
        .header("Location", org.hamcrest.Matchers.startsWith("/v1/operations/"))
        .body("tenant.plan", equalTo("large"))
        .body("tenant.generation", equalTo(2))
        .body("tenant.replicas", equalTo(2))
        .body("tenant.autoscaling.maxReplicas", equalTo(10))
        .body("tenant.resources.cpuRequest", equalTo("500m"))
        .body("tenant.gatewayConfig.maxConnections", equalTo(10000))
        .body("tenant.gatewayConfig.project", equalTo(slug))
        .body("operation.type", equalTo("UPDATE"))
        .body("operation.status", equalTo("QUEUED"));
    Assertions.assertEquals(1L, outboxRows(slug, "UPDATE"));
  }

  @Test
  void sameSettingsAgainChangeNothingAndQueueNothing() {
    String slug = created("{\"plan\":\"standard\"}");
    patch(slug, "{\"plan\":\"standard\"}")
        .then()
        .statusCode(200)
        .body("operation", nullValue())
        .body("tenant.generation", equalTo(1));
    Assertions.assertEquals(0L, outboxRows(slug, "UPDATE"));
  }

  @Test
  void imageVersionIsPinnedAndNullUnpinsIt() {
    String slug = created("{\"imageVersion\":\"1.2.3\"}");
    admin().get("/v1/tenants/" + slug).then().body("imageVersion", equalTo("1.2.3"));
    patch(slug, "{\"imageVersion\":\"1.3.0\"}")
        .then()
        .statusCode(202)
        .body("tenant.imageVersion", equalTo("1.3.0"));
    patch(slug, "{\"imageVersion\":null}")
        .then()
        .statusCode(202)
        .body("tenant.imageVersion", nullValue())
        .body("tenant.generation", equalTo(3));
  }

  @Test
  void gatewaySettingsMergeOntoTheCurrentOnes() {
    String slug = created("{\"gatewayConfig\":{\"project\":\"billing\",\"burst\":150}}");
    admin()
        .get("/v1/tenants/" + slug)
        .then()
        .body("gatewayConfig.project", equalTo("billing"))
        .body("gatewayConfig.burst", equalTo(150))
        .body("gatewayConfig.requestsPerSecond", equalTo(50));
    patch(slug, "{\"gatewayConfig\":{\"requestsPerSecond\":75}}")
        .then()
        .statusCode(202)
        .body("tenant.gatewayConfig.requestsPerSecond", equalTo(75))
        .body("tenant.gatewayConfig.burst", equalTo(150))
        .body("tenant.gatewayConfig.project", equalTo("billing"));
  }

  @Test
  void invalidFieldsAre422NamingTheField() {
    String slug = created("{}");
    invalid(slug, "{\"plan\":\"gold\"}", "plan");
    invalid(slug, "{\"imageVersion\":\"../latest\"}", "imageVersion");
    invalid(slug, "{\"gatewayConfig\":{\"burst\":0}}", "gatewayConfig.burst");
    invalid(slug, "{\"gatewayConfig\":{\"maxQueueSize\":100000000}}", "gatewayConfig.maxQueueSize");
    invalid(slug, "{\"gatewayConfig\":{\"project\":\"-x\"}}", "gatewayConfig.project");
    patch(slug, "{}").then().statusCode(422).contentType("application/problem+json");
    patch(slug, "{\"replicas\":3}").then().statusCode(400);
    patch(slug, "{\"plan\":7}").then().statusCode(400);
    admin().get("/v1/tenants/" + slug).then().body("generation", equalTo(1));
  }

  @Test
  void createValidatesSettingsToo() {
    TestApi.as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + TestApi.uniqueSlug("cv") + "\",\"plan\":\"gold\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("plan"));
  }

  @Test
  void preconditionsConflictsAndRoles() {
    String slug = created("{}");
    admin()
        .header("If-Match", "\"9\"")
        .contentType(ContentType.JSON)
        .body("{\"plan\":\"large\"}")
        .patch("/v1/tenants/" + slug)
        .then()
        .statusCode(412);
    admin()
        .header("If-Match", "\"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"plan\":\"large\"}")
        .patch("/v1/tenants/" + slug)
        .then()
        .statusCode(202);
    String id = admin().get("/v1/tenants/" + slug).then().extract().path("id");
    as(TestTokens.tenant(id))
        .contentType(ContentType.JSON)
        .body("{\"plan\":\"small\"}")
        .patch("/v1/tenants/" + slug)
        .then()
        .statusCode(403);
    as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{\"plan\":\"small\"}")
        .patch("/v1/tenants/" + slug)
        .then()
        .statusCode(403);
    admin().delete("/v1/tenants/" + slug).then().statusCode(202);
    patch(slug, "{\"plan\":\"small\"}").then().statusCode(409);
    patch("no-such-" + slug, "{\"plan\":\"small\"}").then().statusCode(404);
  }

  @Test
  void idempotencyKeyReplaysAnUpdate() {
    String slug = created("{}");
    String key = "upd-" + slug;
    Response first = patchWithKey(slug, key, "{\"plan\":\"standard\"}");
    first.then().statusCode(202);
    patchWithKey(slug, key, "{\"plan\":\"standard\"}")
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .body("operation.id", equalTo(first.path("operation.id")));
    patchWithKey(slug, key, "{\"plan\":\"large\"}").then().statusCode(422);
    Assertions.assertEquals(1L, outboxRows(slug, "UPDATE"));
  }

  @Test
  void listFiltersByPlan() {
    String large = created("{\"plan\":\"large\"}");
    String small = created("{}");
    admin()
        .queryParam("plan", "large")
        .queryParam("limit", "200")
        .get("/v1/tenants")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem(large))
        .body("items.slug", not(hasItem(small)))
        .body("items.plan", not(hasItem("small")));
  }

  private static void invalid(String slug, String body, String field) {
    patch(slug, body)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  private String created(String settingsJson) {
    String slug = TestApi.uniqueSlug("up");
    String body =
        settingsJson.equals("{}") ? "" : "," + settingsJson.substring(1, settingsJson.length() - 1);
    admin()
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\"" + body + "}")
        .post("/v1/tenants")
        .then()
        .statusCode(202);
    return slug;
  }

  private static Response patch(String slug, String body) {
    return admin().contentType(ContentType.JSON).body(body).patch("/v1/tenants/" + slug);
  }

  private static Response patchWithKey(String slug, String key, String body) {
    return admin()
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .patch("/v1/tenants/" + slug);
  }

  private long outboxRows(String slug, String type) {
    return pool.preparedQuery(
            "SELECT count(*) FROM outbox o JOIN operations op ON op.id = o.operation_id"
                + " JOIN tenants t ON t.id = op.tenant_id WHERE t.slug = $1 AND op.type = $2")
        .execute(Tuple.of(slug, type))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong(0);
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return as(TestTokens.admin());
  }
}
