package dev.slipway.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What each role may do: admin everything, ops read-only, a tenant token only its own tenant. */
@QuarkusTest
class RolesQuarkusTest {

  @Test
  void opsReadsEverythingAndChangesNothing() {
    Created t = create();
    as(TestTokens.ops()).get("/v1/tenants").then().statusCode(200);
    as(TestTokens.ops()).get("/v1/tenants/" + t.slug).then().statusCode(200);
    as(TestTokens.ops()).get("/v1/tenants/" + t.slug + "/operations").then().statusCode(200);
    as(TestTokens.ops()).get("/v1/operations/" + t.operationId).then().statusCode(200);
    for (String action : new String[] {"start", "stop", "rotate-token"}) {
      as(TestTokens.ops())
          .post("/v1/tenants/" + t.slug + "/" + action)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    as(TestTokens.ops()).delete("/v1/tenants/" + t.slug).then().statusCode(403);
    as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"ops-made\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(403);
  }

  @Test
  void tenantTokenActsOnItsOwnTenantOnly() {
    Created own = create();
    String token = TestTokens.tenant(own.id);
    as(token).get("/v1/tenants/" + own.slug).then().statusCode(200).body("id", equalTo(own.id));
    as(token).get("/v1/operations/" + own.operationId).then().statusCode(200);
    as(token).get("/v1/tenants/" + own.slug + "/operations").then().statusCode(200);
    as(token).post("/v1/tenants/" + own.slug + "/stop").then().statusCode(202);
    as(token).post("/v1/tenants/" + own.slug + "/start").then().statusCode(202);
    as(token).post("/v1/tenants/" + own.slug + "/rotate-token").then().statusCode(202);
    as(token).delete("/v1/tenants/" + own.slug).then().statusCode(403);
    as(token).get("/v1/tenants").then().statusCode(403);
    as(token)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"tenant-made\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(403);
  }

  @Test
  void anotherTenantsResourcesLookMissing() {
    Created own = create();
    Created other = create();
    String token = TestTokens.tenant(own.id);
    as(token)
        .get("/v1/tenants/" + other.slug)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(token).post("/v1/tenants/" + other.slug + "/stop").then().statusCode(404);
    as(token).get("/v1/tenants/" + other.slug + "/operations").then().statusCode(404);
    as(token).get("/v1/operations/" + other.operationId).then().statusCode(404);
    as(TestTokens.admin())
        .get("/v1/tenants/" + other.slug)
        .then()
        .body("desiredState", equalTo("RUNNING"));
  }

  @Test
  void tenantRoleWithoutClaimSeesNothing() {
    Created own = create();
    as(TestTokens.withGroups("tenant")).get("/v1/tenants/" + own.slug).then().statusCode(404);
  }

  private record Created(String slug, String id, String operationId) {}

  private static Created create() {
    String slug = "role-" + UUID.randomUUID().toString().substring(0, 8);
    ExtractableResponse<Response> r =
        TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202).extract();
    return new Created(slug, r.path("tenant.id"), r.path("operation.id"));
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }
}
