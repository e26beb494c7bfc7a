package dev.slipway.api.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests against every operation of the OpenAPI document, generated from its schemas: no
 * answer may be a 5xx, and every error must be problem+json. CI runs a reduced number of cases;
 * {@code -Dslipway.badinput.cases=10000} runs the full suite, {@code -Dslipway.badinput.seed=N}
 * replays a run.
 */
@QuarkusTest
class BadInputQuarkusTest {
  private static final int CASES = Integer.getInteger("slipway.badinput.cases", 600);
  private static final long SEED = Long.getLong("slipway.badinput.seed", System.nanoTime());
  private static final int MAX_BODY_BYTES = 65_536; // slipway.api.max-body-bytes
  private final ObjectMapper json = new ObjectMapper();
  private int lastBodyLength;
  private String lastRequest = "";

  @Test
  void noRequestIsAServerErrorAndEveryErrorIsAProblem() throws Exception {
    JsonNode api = json.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    List<Endpoint> endpoints = Endpoint.all(api);
    String slug = TestApi.uniqueSlug("fuzz");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    BadInput input = new BadInput(SEED);
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < CASES && failures.size() < 20; i++) {
      Endpoint endpoint = endpoints.get(i % endpoints.size());
      Response response;
      try {
        response = send(endpoint, input, slug);
      } catch (java.net.SocketException e) {
        // The server answers an oversized body with 413 and closes before the client finished
        // writing it: the client sees a broken pipe. Anything else is a real failure.
        if (lastBodyLength > MAX_BODY_BYTES) {
          continue;
        }
        throw e;
      }
      int status = response.statusCode();
      statuses.merge(status, 1, Integer::sum);
      // 414/431: Vert.x refuses an oversized request line or headers before any application
      // code runs, with an empty body; still a client error, never a 5xx.
      boolean transport = status == 414 || status == 431;
      boolean problem =
          status < 400
              || transport
              || response.contentType().startsWith("application/problem+json");
      if (status >= 500 || !problem) {
        failures.add(
            endpoint
                + " → "
                + status
                + " "
                + response.contentType()
                + " (case "
                + i
                + "): sent "
                + lastRequest
                + ", answered "
                + abbreviate(response.asString()));
      }
    }
    // The counts docs/reliability.md records.
    System.out.printf(
        "bad input: seed %d, %d cases, %d operations, answers by status %s%n",
        SEED, CASES, endpoints.size(), statuses);
    assertEquals(List.of(), failures, "seed " + SEED + ", " + endpoints.size() + " operations");
  }

  /**
   * Slugs whose objects would share a name with a live tenant's (NameCollisions in common/render:
   * tenant foo's TLS Secret is foo-tls, the token Secret of a tenant foo-tls) are refused in both
   * directions, with a 409 problem naming the other tenant; nothing is written.
   */
  @Test
  void slugsCollidingWithAnotherTenantsObjectNamesAreRefused() {
    String base = TestApi.uniqueSlug("coll");
    TestApi.createTenant(TestTokens.admin(), base).then().statusCode(202);
    refusedAsCollision(base + "-tls", base);

    String tls = TestApi.uniqueSlug("tlsfirst") + "-tls";
    TestApi.createTenant(TestTokens.admin(), tls).then().statusCode(202);
    refusedAsCollision(tls.substring(0, tls.length() - "-tls".length()), tls);

    // A deleted tenant's objects are removed: its name is free again.
    TestApi.as(TestTokens.admin()).delete("/v1/tenants/" + base).then().statusCode(202);
    TestApi.createTenant(TestTokens.admin(), base + "-tlsx").then().statusCode(202);
  }

  private static void refusedAsCollision(String slug, String other) {
    TestApi.createTenant(TestTokens.admin(), slug)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("tenant '" + other + "'"))
        .body("detail", org.hamcrest.Matchers.containsString("Secret"));
    TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug).then().statusCode(404);
  }

  /**
   * The timeline's parameters (GET /v1/tenants/{slug}/events): each bad one is a 422 problem whose
   * errors name it, whether the tenant exists or not.
   */
  @Test
  void badTimelineParametersAreA422NamingTheParameter() {
    String slug = TestApi.uniqueSlug("tlbad");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    String foreign = java.util.Base64.getUrlEncoder().encodeToString("x\ny".getBytes());
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("kind=bogus", "kind");
    cases.put("kind=write,dead_letters", "kind");
    cases.put("since=yesterday", "since");
    cases.put("until=2026-13-01T00:00:00Z", "until");
    cases.put("since=2026-12-06T10:00:00Z&until=2026-12-06T09:59:59Z", "since");
    cases.put("cursor=not-a-cursor", "cursor");
    cases.put("cursor=" + foreign, "cursor");
    cases.put(
        "cursor="
            + java.util.Base64.getUrlEncoder()
                .encodeToString("2026-12-06T10:00:00Z\n\u0000".getBytes()),
        "cursor");
    List<String> wrong = new ArrayList<>();
    for (String target : List.of(slug, "no-such-tenant")) {
      cases.forEach(
          (query, field) -> {
            Response r =
                TestApi.as(TestTokens.admin())
                    .urlEncodingEnabled(false)
                    .get("/v1/tenants/" + target + "/events?" + query);
            String named = r.statusCode() == 422 ? r.jsonPath().getString("errors[0].field") : null;
            if (!field.equals(named) || !r.contentType().startsWith("application/problem+json")) {
              wrong.add(target + "?" + query + " → " + r.statusCode() + " " + r.asString());
            }
          });
    }
    assertEquals(List.of(), wrong);
    // since equal to until is an empty window, not an error.
    TestApi.as(TestTokens.admin())
        .get(
            "/v1/tenants/" + slug + "/events?since=2026-12-06T10:00:00Z&until=2026-12-06T10:00:00Z")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(0));
  }

  /** Image versions that look like digests but are not: 422 naming imageVersion. */
  @Test
  void malformedImageDigestsAreInvalid() {
    String hex = "0123456789abcdef".repeat(4);
    for (String version :
        List.of(
            "sha256:" + hex + "0",
            "sha256:" + hex.toUpperCase(java.util.Locale.ROOT),
            "sha512:" + hex,
            "1.0@sha256:",
            "1.0@@sha256:" + hex,
            "sha256:" + hex + "@sha256:" + hex)) {
      TestApi.as(TestTokens.admin())
          .contentType(io.restassured.http.ContentType.JSON)
          .body(Map.of("slug", TestApi.uniqueSlug("dig"), "imageVersion", version))
          .post("/v1/tenants")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("detail", org.hamcrest.Matchers.containsString("digest"));
    }
  }

  /**
   * Labels, label selectors and freeze reasons made of hostile strings and values of every JSON
   * type: never a 5xx; every refusal is a problem naming the field; nothing is stored.
   */
  @Test
  void hostileLabelsSelectorsAndFreezeReasonsAreRefusedCleanly() throws Exception {
    String slug = TestApi.uniqueSlug("fuzzl");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    BadInput input = new BadInput(SEED);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String key = input.nastyString();
      var labels = json.createObjectNode().set(key, input.value(0));
      Response patch =
          TestApi.as(TestTokens.admin())
              .contentType("application/json")
              .body(json.writeValueAsString(json.createObjectNode().set("labels", labels)))
              .patch("/v1/tenants/" + slug);
      check(failures, "PATCH labels " + labels, patch, "labels");
      Response list =
          TestApi.as(TestTokens.admin())
              .urlEncodingEnabled(false)
              .get("/v1/tenants?label=" + encode(key) + "=" + encode(input.nastyString()));
      check(failures, "GET ?label " + key, list, "label");
      Response freeze =
          TestApi.as(TestTokens.admin())
              .contentType("application/json")
              .body(json.writeValueAsString(json.createObjectNode().set("reason", input.value(0))))
              .post("/v1/tenants/" + slug + "/freeze");
      check(failures, "POST freeze", freeze, "reason");
      TestApi.as(TestTokens.admin())
          .contentType("application/json")
          .body("{}")
          .post("/v1/tenants/" + slug + "/unfreeze")
          .then()
          .statusCode(200);
    }
    assertEquals(List.of(), failures, "seed " + SEED);
  }

  /** A refusal must be a 4xx problem; a 422 must name {@code field} (or a member of it). */
  private static void check(List<String> failures, String what, Response response, String field) {
    int status = response.statusCode();
    if (status < 400 || status == 414 || status == 431) {
      return;
    }
    boolean problem = response.contentType().startsWith("application/problem+json");
    String named = status == 422 ? response.path("errors[0].field") : field;
    if (status >= 500 || !problem || named == null || !named.startsWith(field)) {
      failures.add(what + " -> " + status + " " + response.asString());
    }
  }

  private Response send(Endpoint endpoint, BadInput input, String slug) throws Exception {
    RequestSpecification request =
        given()
            .config(
                RestAssuredConfig.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .auth()
            .oauth2(TestTokens.admin());
    for (String query : endpoint.queryParameters()) {
      if (input.nextInt(2) == 0) {
        request.queryParam(query, encode(input.nastyString()));
      }
    }
    lastBodyLength = 0;
    lastRequest = "no body";
    if (endpoint.hasBody()) {
      String body = input.body(endpoint.bodyFields(), json);
      lastBodyLength = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      String type = input.contentType();
      lastRequest = type + " " + abbreviate(body);
      request.contentType(type).body(body);
    }
    Map<String, String> path = new java.util.HashMap<>();
    for (String name : endpoint.pathParameters()) {
      // Half the time a real tenant, so requests get past the lookup into validation.
      path.put(name, input.nextInt(2) == 0 && name.equals("slug") ? slug : input.nastyString());
    }
    String uri = endpoint.path();
    for (var p : path.entrySet()) {
      uri = uri.replace("{" + p.getKey() + "}", encode(p.getValue()));
    }
    return request.urlEncodingEnabled(false).request(endpoint.method(), uri);
  }

  /** Encoded by hand: RestAssured's own encoding is off, so the path keeps hostile characters. */
  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The start of an answer's body, for the failure message. */
  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
