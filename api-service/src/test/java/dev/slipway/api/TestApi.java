package dev.slipway.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** The API calls tests make over and over. */
public final class TestApi {
  private TestApi() {}

  /** Tests share one database: every tenant they create needs a slug of its own. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  /** A create-tenant request, ready to take more headers before {@code post("/v1/tenants")}. */
  public static RequestSpecification tenantCreation(String token, String slug) {
    return as(token).contentType(ContentType.JSON).body("{\"slug\":\"" + slug + "\"}");
  }

  public static Response createTenant(String token, String slug) {
    return tenantCreation(token, slug).post("/v1/tenants");
  }

  /** Rotates the tenant's gateway token (must be accepted: 202) and returns the new one. */
  public static String rotateToken(String token, String slug) {
    return as(token)
        .post("/v1/tenants/" + slug + "/rotate-token")
        .then()
        .statusCode(202)
        .extract()
        .path("gatewayToken");
  }
}
