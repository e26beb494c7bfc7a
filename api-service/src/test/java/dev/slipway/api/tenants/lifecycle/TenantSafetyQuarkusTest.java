package dev.slipway.api.tenants.lifecycle;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Soft delete, restore, purge, deletion protection and suspension against the real database. */
@QuarkusTest
class TenantSafetyQuarkusTest {

  @Test
  void deleteTakesTheTenantOfflineForTheGracePeriodAndRestoreBringsItBackAsItWas() {
    String slug = TestApi.uniqueSlug("sd");
    Response created = TestApi.createTenant(TestTokens.admin(), slug);
    String id = created.path("tenant.id");
    String token = created.path("gatewayToken");
    admin().contentType(ContentType.JSON).body("{\"plan\":\"large\"}").patch(path(slug));
    Response deleted = admin().delete(path(slug));
    deleted
        .then()
        .statusCode(202)
        .body("operation.type", equalTo("SOFT_DELETE"))
        .body("tenant.desiredState", equalTo("OFFLINE"))
        .body("tenant.resumeState", equalTo("RUNNING"))
        .body("tenant.lifecycle", equalTo("DELETED"))
        .body("tenant.deletedAt", notNullValue())
        .body("tenant.purgeAfter", notNullValue());
    Duration grace =
        Duration.between(
            OffsetDateTime.parse(deleted.path("tenant.deletedAt")),
            OffsetDateTime.parse(deleted.path("tenant.purgeAfter")));
    assertEquals(Duration.ofDays(7), grace, "the default grace period");
    // The slug stays reserved, the tenant refuses changes and a second delete says why.
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(409);
    admin()
        .delete(path(slug))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("already deleted"));
    TestApi.as(TestTokens.tenant(id))
        .post(path(slug) + "/start")
        .then()
        .statusCode(409)
        .body("detail", containsString("restore it first"));
    admin()
        .post(path(slug) + "/restore")
        .then()
        .statusCode(202)
        .body("operation.type", equalTo("RESTORE"))
        .body("tenant.id", equalTo(id))
        .body("tenant.desiredState", equalTo("RUNNING"))
        .body("tenant.plan", equalTo("large"))
        .body("tenant.lifecycle", equalTo("ACTIVE"))
        .body("tenant.deletedAt", nullValue())
        .body("tenant.resumeState", nullValue());
    admin()
        .post(path(slug) + "/restore")
        .then()
        .statusCode(409)
        .body("detail", containsString("not deleted"));
    // Same token: the tenant's own credential still works.
    TestApi.as(TestTokens.tenant(id)).get(path(slug)).then().statusCode(200);
    assertEquals(64, token.length());
  }

  @Test
  void aStoppedTenantIsRestoredStopped() {
    String slug = created();
    admin().post(path(slug) + "/stop").then().statusCode(202);
    admin()
        .delete(path(slug))
        .then()
        .statusCode(202)
        .body("tenant.resumeState", equalTo("STOPPED"));
    admin()
        .post(path(slug) + "/restore")
        .then()
        .statusCode(202)
        .body("tenant.desiredState", equalTo("STOPPED"));
  }

  @Test
  void purgeNeedsADeletedTenantAndItsSlugAndCannotBeUndone() {
    String slug = created();
    purge(slug, slug).then().statusCode(409).body("detail", containsString("not deleted"));
    admin().delete(path(slug)).then().statusCode(202);
    purge(slug, "someone-else")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("repeat the tenant's slug"));
    admin().contentType(ContentType.JSON).post(path(slug) + "/purge").then().statusCode(400);
    purge(slug, slug)
        .then()
        .statusCode(202)
        .body("operation.type", equalTo("DELETE"))
        .body("tenant.lifecycle", equalTo("PURGED"))
        .body("tenant.purgedAt", notNullValue());
    purge(slug, slug).then().statusCode(409).body("detail", containsString("purged"));
    admin()
        .post(path(slug) + "/restore")
        .then()
        .statusCode(409)
        .body("detail", containsString("cannot be restored"));
  }

  @Test
  void deletionProtectionRefusesDeleteAndPurgeWithItsReasonUntilCleared() {
    String slug = TestApi.uniqueSlug("dp");
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "deletionProtection", Map.of("reason", "production customer")))
        .post("/v1/tenants")
        .then()
        .statusCode(202)
        .body("tenant.deletionProtection.reason", equalTo("production customer"));
    admin()
        .delete(path(slug))
        .then()
        .statusCode(409)
        .body("detail", containsString("production customer"));
    patch(slug, "{\"deletionProtection\":{\"reason\":\"  \"}}").then().statusCode(422);
    patch(slug, "{\"deletionProtection\":null}")
        .then()
        .statusCode(200)
        .body("operation", nullValue())
        .body("tenant.deletionProtection", nullValue());
    admin().delete(path(slug)).then().statusCode(202);
    // Protected while deleted it cannot be: a deleted tenant takes no changes but restore.
    patch(slug, "{\"deletionProtection\":{\"reason\":\"late\"}}").then().statusCode(409);
    String other = created();
    patch(other, "{\"deletionProtection\":{\"reason\":\"legal hold\"}}")
        .then()
        .statusCode(200)
        .body("tenant.deletionProtection.reason", equalTo("legal hold"));
    admin().delete(path(other)).then().statusCode(409).body("detail", containsString("legal hold"));
  }

  @Test
  void suspendedTenantIsOfflineAndItsOwnTokenCannotStartItUntilAnAdminResumes() {
    String slug = TestApi.uniqueSlug("su");
    String id = TestApi.createTenant(TestTokens.admin(), slug).path("tenant.id");
    reason(slug, "suspend", " ").then().statusCode(422);
    reason(slug, "suspend", "unpaid invoice")
        .then()
        .statusCode(202)
        .body("operation.type", equalTo("SUSPEND"))
        .body("tenant.desiredState", equalTo("OFFLINE"))
        .body("tenant.lifecycle", equalTo("SUSPENDED"))
        .body("tenant.suspensionReason", equalTo("unpaid invoice"));
    reason(slug, "suspend", "again")
        .then()
        .statusCode(409)
        .body("detail", containsString("already"));
    TestApi.as(TestTokens.tenant(id))
        .post(path(slug) + "/start")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("suspended"));
    TestApi.as(TestTokens.tenant(id))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "mine"))
        .post(path(slug) + "/resume")
        .then()
        .statusCode(403);
    // Deleted while suspended: restore brings it back suspended, resume back to running.
    admin().delete(path(slug)).then().statusCode(202);
    reason(slug, "resume", "paid").then().statusCode(409).body("detail", containsString("restore"));
    admin()
        .post(path(slug) + "/restore")
        .then()
        .statusCode(202)
        .body("tenant.lifecycle", equalTo("SUSPENDED"))
        .body("tenant.desiredState", equalTo("OFFLINE"));
    reason(slug, "resume", "paid")
        .then()
        .statusCode(202)
        .body("operation.type", equalTo("RESUME"))
        .body("tenant.desiredState", equalTo("RUNNING"))
        .body("tenant.lifecycle", equalTo("ACTIVE"))
        .body("tenant.suspensionReason", nullValue());
    reason(slug, "resume", "paid").then().statusCode(409).body("detail", containsString("not"));
    Response audit = admin().queryParam("limit", 100).get("/v1/ops/audit");
    assertTrue(
        audit
            .<java.util.List<String>>path("items.findAll { it.target == '" + slug + "' }.action")
            .containsAll(java.util.List.of("tenant.suspend", "tenant.resume", "tenant.restore")));
  }

  static RequestSpecification admin() {
    return TestApi.as(TestTokens.admin());
  }

  static String path(String slug) {
    return "/v1/tenants/" + slug;
  }

  static String created() {
    String slug = TestApi.uniqueSlug("sf");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    return slug;
  }

  static Response purge(String slug, String confirm) {
    return admin()
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", confirm))
        .post(path(slug) + "/purge");
  }

  private static Response reason(String slug, String action, String reason) {
    return admin()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post(path(slug) + "/" + action);
  }

  private static Response patch(String slug, String body) {
    return admin().contentType(ContentType.JSON).body(body).patch(path(slug));
  }
}
