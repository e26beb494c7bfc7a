package dev.slipway.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists the endpoints and their bearer-token requirement. */
@QuarkusTest
class OpenApiQuarkusTest {

  @Test
  void documentDescribesEndpointsAndSecurity() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/v1/tenants"))
        .body("paths", hasKey("/v1/tenants/{slug}/rotate-token"))
        .body("paths", hasKey("/v1/tenants/{slug}/operations"))
        .body("paths", hasKey("/v1/operations/{id}"))
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
        .body("paths.'/v1/tenants'.post.security", notNullValue())
        .body("paths.'/v1/tenants/{slug}'", hasKey("patch"))
        .body("paths.'/v1/tenants/{slug}'", hasKey("delete"))
        .body("paths", hasKey("/v1/plans"))
        .body("paths", hasKey("/v1/plans/{name}"))
        .body("components.schemas", hasKey("Problem"))
        .body("components.schemas", hasKey("TenantView"));
  }

  /** The schema carries the rules the server enforces, from the same constants. */
  @Test
  void requestSchemasCarryTheServersRules() {
    var doc = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
    String slug = "components.schemas.CreateTenantRequest.properties.slug";
    org.junit.jupiter.api.Assertions.assertEquals(
        dev.slipway.common.model.Slugs.PATTERN, doc.getString(slug + ".pattern"));
    org.junit.jupiter.api.Assertions.assertEquals(3, doc.getInt(slug + ".minLength"));
    org.junit.jupiter.api.Assertions.assertEquals(40, doc.getInt(slug + ".maxLength"));
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of("slug"), doc.getList("components.schemas.CreateTenantRequest.required"));
    org.junit.jupiter.api.Assertions.assertEquals(
        10_000_000, doc.getInt("components.schemas.GatewayOverrides.properties.burst.maximum"));
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of("plan", "imageVersion", "gatewayConfig", "deletionProtection", "labels"),
        new java.util.ArrayList<>(
            doc.getMap("components.schemas.UpdateTenantRequest.properties").keySet()),
        "only the body's members");
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(),
        doc.getList("paths.'/v1/tenants'.post.security[0].bearer"),
        "roles are not OAuth scopes");
    org.junit.jupiter.api.Assertions.assertEquals(
        "createTenant", doc.getString("paths.'/v1/tenants'.post.operationId"));
  }

  @Test
  void everyEndpointDocumentsItsProblemResponses() {
    var doc = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
    String patch = "paths.'/v1/tenants/{slug}'.patch.responses";
    for (String status : new String[] {"400", "401", "403", "404", "409", "412", "415", "422"}) {
      org.junit.jupiter.api.Assertions.assertEquals(
          "#/components/schemas/Problem",
          doc.getString(patch + ".'" + status + "'.content.'application/problem+json'.schema.$ref"),
          "PATCH documents " + status);
    }
    String list = "paths.'/v1/tenants'.get.responses";
    org.junit.jupiter.api.Assertions.assertNotNull(doc.get(list + ".'401'"));
    org.junit.jupiter.api.Assertions.assertNull(doc.get(list + ".'404'"), "a list has no 404");
    org.junit.jupiter.api.Assertions.assertNull(doc.get(list + ".'409'"), "a read has no 409");
  }
}
