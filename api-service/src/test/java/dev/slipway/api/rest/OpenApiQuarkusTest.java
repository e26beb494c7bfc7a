package dev.slipway.api.rest;

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
        .body("paths.'/v1/tenants'.post.security", notNullValue());
  }
}
