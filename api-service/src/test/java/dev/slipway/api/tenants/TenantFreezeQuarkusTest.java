package dev.slipway.api.tenants;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** POST /v1/tenants/{slug}/freeze and /unfreeze: shown, idempotent, audited, no generation. */
@QuarkusTest
class TenantFreezeQuarkusTest {
  @Inject Pool pool;

  @Test
  void freezeIsShownAuditedAndUndoneByUnfreeze() {
    String slug = TestApi.uniqueSlug("frz");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    post(slug, "freeze", Map.of("reason", "incident 42"))
        .then()
        .statusCode(200)
        .body("tenant.frozen.reason", equalTo("incident 42"))
        .body("tenant.frozen.by", notNullValue())
        .body("tenant.frozen.at", notNullValue())
        .body("tenant.generation", equalTo(1))
        .body("operation", nullValue());
    // The same freeze again (a retry) changes nothing; another reason is refused, naming the first.
    post(slug, "freeze", Map.of("reason", "incident 42")).then().statusCode(200);
    post(slug, "freeze", Map.of("reason", "other"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("incident 42"));
    TestApi.as(TestTokens.ops())
        .get("/v1/tenants/" + slug)
        .then()
        .body("frozen.reason", equalTo("incident 42"));

    post(slug, "unfreeze", Map.of("reason", "resolved"))
        .then()
        .statusCode(200)
        .body("tenant.frozen", nullValue());
    post(slug, "unfreeze", Map.of()).then().statusCode(200).body("tenant.frozen", nullValue());
    Assertions.assertEquals(
        List.of("tenant.freeze:incident 42", "tenant.unfreeze:resolved"), audit(slug));
  }

  @Test
  void aFreezeNeedsAReasonAndALiveTenant() {
    String slug = TestApi.uniqueSlug("frr");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    post(slug, "freeze", Map.of("reason", " "))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("reason"));
    TestApi.as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .post("/v1/tenants/" + slug + "/freeze")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    post("nobody-" + slug, "freeze", Map.of("reason", "x")).then().statusCode(404);
    TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug).then().body("frozen", nullValue());
  }

  /**
   * Unfreeze takes JSON or no body at all; any other media type is a 415 problem (a text/plain body
   * was read as no body, and an empty one refused with a bare 400: BadInputQuarkusTest).
   */
  @Test
  void unfreezeTakesJsonOrNoBodyAndRefusesOtherMediaTypes() throws Exception {
    String slug = TestApi.uniqueSlug("fru");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    post(slug, "freeze", Map.of("reason", "hold")).then().statusCode(200);
    for (String body : List.of("", "{\"reason\":\"x\"}")) {
      TestApi.as(TestTokens.admin())
          .contentType("text/plain")
          .body(body)
          .post("/v1/tenants/" + slug + "/unfreeze")
          .then()
          .statusCode(415)
          .contentType("application/problem+json");
    }
    TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug).then().body("frozen", notNullValue());
    // a POST with neither a body nor a Content-Type (what curl -X POST sends)
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    io.restassured.RestAssured.baseURI
                        + ":"
                        + io.restassured.RestAssured.port
                        + "/v1/tenants/"
                        + slug
                        + "/unfreeze"))
            .header("Authorization", "Bearer " + TestTokens.admin())
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
            .build();
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    Assertions.assertEquals(200, response.statusCode(), response.body());
    TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug).then().body("frozen", nullValue());
  }

  private static Response post(String slug, String action, Map<String, String> body) {
    return TestApi.as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants/" + slug + "/" + action);
  }

  private List<String> audit(String slug) {
    List<String> out = new ArrayList<>();
    pool.preparedQuery(
            "SELECT action || ':' || coalesce(reason, '') AS a FROM ops_audit WHERE target = $1"
                + " AND action LIKE 'tenant.%freeze' ORDER BY id")
        .execute(Tuple.of(slug))
        .await()
        .atMost(Duration.ofSeconds(10))
        .forEach(r -> out.add(r.getString("a")));
    return out;
  }
}
