package dev.slipway.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad request gets a clear RFC 9457 problem, never a 500. */
@QuarkusTest
class ProblemResponsesQuarkusTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\"",
        "\"ab\"",
        "\"UPPER\"",
        "\"-leading\"",
        "\"trailing-\"",
        "\"under_score\"",
        "\"dot.ted\"",
        "\"ünïcödé\"",
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
        "null"
      })
  void invalidSlugIs422(String slugJson) {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"slug\":" + slugJson + "}")
        .post("/v1/tenants")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body("title", equalTo("Invalid request"))
        .body("detail", containsString("slug"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "[1,2]", "{\"slug\": 12}", "{\"slug\":\"abc\",\"x\":1}"})
  void malformedBodyIs400(String body) {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400));
  }

  @Test
  void missingBodyIs400() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .post("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void noTokenIs401Problem() {
    given()
        .get("/v1/tenants/acme")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json");
  }

  @Test
  void garbageTokenIs401Problem() {
    given()
        .auth()
        .oauth2("not-a-jwt")
        .get("/v1/tenants/acme")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void tokenForAnotherAudienceIs401() {
    String token =
        io.smallrye.jwt.build.Jwt.issuer("https://slipway.dev")
            .audience("some-other-service")
            .subject("x")
            .groups("admin")
            .sign();
    given().auth().oauth2(token).get("/v1/tenants/acme").then().statusCode(401);
  }

  @Test
  void tokenWithoutRoleIs403Problem() {
    given()
        .auth()
        .oauth2(TestTokens.withGroups("viewer"))
        .get("/v1/tenants/acme")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void unknownTenantIs404Problem() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .get("/v1/tenants/no-such-tenant")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-tenant"));
  }

  @Test
  void malformedOperationIdIs400Problem() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .get("/v1/operations/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void wrongContentTypeIs415Problem() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.TEXT)
        .body("slug=abc")
        .post("/v1/tenants")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "www", "admin", "slipway"})
  void reservedSlugsAre422NamingTheField(String slug) {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("slug"))
        .body("errors[0].detail", containsString("reserved"));
  }

  /** Bean Validation's 422: every offending field once, named by its JSON path, sorted. */
  @Test
  void constraintViolationsAre422WithOneErrorPerField() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body(
            "{\"slug\":\"A\",\"gatewayConfig\":{\"burst\":0,\"maxQueueSize\":20000000},"
                + "\"deletionProtection\":{\"reason\":\" \"}}")
        .post("/v1/tenants")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(Problem.TYPE_BASE + "validation"))
        .body(
            "errors.field",
            org.hamcrest.Matchers.contains(
                "deletionProtection.reason",
                "gatewayConfig.burst",
                "gatewayConfig.maxQueueSize",
                "slug"))
        .body("errors[1].detail", equalTo("burst must be between 1 and 10000000"))
        .body("errors[3].detail", equalTo("slug must be 3 to 40 characters long"));
  }

  @Test
  void oversizedBodyIs413Problem() {
    String huge = "{\"slug\":\"" + "a".repeat(70_000) + "\"}";
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body(huge)
        .post("/v1/tenants")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void unsupportedMethodIsProblem() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/v1/tenants")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }

  @Test
  void unknownPathIsProblem() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .get("/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
