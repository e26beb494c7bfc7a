package dev.slipway.api.tenants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantApiQuarkusTest {

  static String uniqueSlug() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void createAnswers202WithOperationLocationAndTokenOnce() {
    String slug = uniqueSlug();
    String operationId =
        given()
            .auth()
            .oauth2(TestTokens.admin())
            .contentType(ContentType.JSON)
            .body("{\"slug\":\"" + slug + "\"}")
            .when()
            .post("/v1/tenants")
            .then()
            .statusCode(202)
            .header("Location", matchesPattern(".*/v1/operations/[0-9a-f-]{36}"))
            .body("tenant.slug", equalTo(slug))
            .body("tenant.phase", equalTo("PENDING"))
            .body("tenant.desiredState", equalTo("RUNNING"))
            .body("tenant.generation", equalTo(1))
            .body("tenant.gatewayUrl", equalTo("wss://" + slug + ".example.com"))
            .body("operation.type", equalTo("CREATE"))
            .body("operation.status", equalTo("QUEUED"))
            .body("gatewayToken", hasLength(64))
            .extract()
            .path("operation.id");

    given()
        .auth()
        .oauth2(TestTokens.admin())
        .get("/v1/tenants/" + slug)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("gatewayToken", nullValue());
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .get("/v1/operations/" + operationId)
        .then()
        .statusCode(200)
        .body("id", equalTo(operationId))
        .body("type", equalTo("CREATE"))
        .body("queuedAt", notNullValue());
  }

  @Test
  void duplicateSlugIsConflict() {
    String slug = uniqueSlug();
    create(slug).then().statusCode(202);
    create(slug)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409))
        .body("type", equalTo("https://slipway.dev/problems/conflict"));
  }

  @Test
  void anImageDigestCanBePinnedAtCreateAndByPatch() {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    String slug = uniqueSlug();
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\",\"imageVersion\":\"" + digest + "\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(202)
        .body("tenant.imageVersion", equalTo(digest));
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"imageVersion\":\"1.4.2@" + digest + "\"}")
        .patch("/v1/tenants/" + slug)
        .then()
        .statusCode(202)
        .body("tenant.imageVersion", equalTo("1.4.2@" + digest));
  }

  private static io.restassured.response.Response create(String slug) {
    return TestApi.createTenant(TestTokens.admin(), slug);
  }
}
