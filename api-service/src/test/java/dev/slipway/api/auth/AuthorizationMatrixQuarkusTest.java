package dev.slipway.api.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller, with the status each cell must answer. Tenant A owns
 * the tenant acted on; tenant B owns another one. Missing, expired, forged and wrong-audience
 * tokens are all 401; a role without the right is 403; a tenant token aimed at another tenant's
 * resources is 404, exactly as if they did not exist.
 */
@QuarkusTest
class AuthorizationMatrixQuarkusTest {
  private static final List<String> CALLERS =
      List.of("none", "expired", "forged", "audience", "tenantA", "tenantB", "ops", "admin");

  /** Endpoint → expected status per caller, in {@link #CALLERS} order. */
  private static final Map<String, int[]> MATRIX =
      Map.ofEntries(
          Map.entry("GET /v1/tenants", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry("POST /v1/tenants", new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry("GET /v1/tenants/{slug}", new int[] {401, 401, 401, 401, 200, 404, 200, 200}),
          Map.entry("PATCH /v1/tenants/{slug}", new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/stop", new int[] {401, 401, 401, 401, 202, 404, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/start", new int[] {401, 401, 401, 401, 200, 404, 403, 200}),
          Map.entry(
              "POST /v1/tenants/{slug}/rotate-token",
              new int[] {401, 401, 401, 401, 202, 404, 403, 202}),
          Map.entry(
              "DELETE /v1/tenants/{slug}", new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/restore",
              new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/purge", new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/suspend",
              new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/resume", new int[] {401, 401, 401, 401, 403, 403, 403, 202}),
          Map.entry(
              "POST /v1/tenants/{slug}/freeze", new int[] {401, 401, 401, 401, 403, 403, 403, 200}),
          Map.entry(
              "POST /v1/tenants/{slug}/unfreeze",
              new int[] {401, 401, 401, 401, 403, 403, 403, 200}),
          Map.entry("GET /v1/fleet", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry(
              "GET /v1/tenants/{slug}/operations",
              new int[] {401, 401, 401, 401, 200, 404, 200, 200}),
          Map.entry(
              "GET /v1/tenants/{slug}/events", new int[] {401, 401, 401, 401, 200, 404, 200, 200}),
          Map.entry("GET /v1/operations/{op}", new int[] {401, 401, 401, 401, 200, 404, 200, 200}),
          Map.entry("GET /v1/plans", new int[] {401, 401, 401, 401, 200, 200, 200, 200}),
          Map.entry(
              "GET /v1/ops/reconcile-runs", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry("GET /v1/ops/capacity", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry("GET /v1/ops/audit", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry("GET /v1/ops/dead-letters", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry("GET /v1/ops/token-keys", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry(
              "POST /v1/ops/token-keys/rotate", new int[] {401, 401, 401, 401, 403, 403, 200, 200}),
          Map.entry("GET /v1/plans/{plan}", new int[] {401, 401, 401, 401, 200, 200, 200, 200}));

  @Test
  void everyEndpointAnswersEveryCallerAsSpecified() {
    List<String> wrong = new ArrayList<>();
    MATRIX.forEach(
        (endpoint, expected) -> {
          for (int i = 0; i < CALLERS.size(); i++) {
            // A fresh pair of tenants per cell: a write in one cell must not change another's.
            Fixture f = new Fixture();
            f.prepareFor(endpoint);
            Response response = call(endpoint, f, token(CALLERS.get(i), f));
            if (response.statusCode() != expected[i]) {
              wrong.add(
                  endpoint
                      + " as "
                      + CALLERS.get(i)
                      + ": "
                      + response.statusCode()
                      + " (expected "
                      + expected[i]
                      + ")");
            }
            if (response.statusCode() >= 400) {
              assertEquals("application/problem+json", response.contentType(), endpoint);
            }
          }
        });
    assertEquals(List.of(), wrong);
  }

  /** A client cannot set what only Slipway decides: observed state, generation, ids. */
  @Test
  void serverOwnedFieldsCannotBeAssigned() {
    String slug = TestApi.uniqueSlug("mass");
    for (String field :
        new String[] {
          "\"phase\":\"RUNNING\"",
          "\"generation\":9",
          "\"id\":\"x\"",
          "\"gatewayToken\":\"mine\"",
          "\"readyReplicas\":3"
        }) {
      TestApi.as(TestTokens.admin())
          .contentType(ContentType.JSON)
          .body("{\"slug\":\"" + slug + "\"," + field + "}")
          .post("/v1/tenants")
          .then()
          .statusCode(400);
      TestApi.as(TestTokens.admin())
          .contentType(ContentType.JSON)
          .body("{" + field + "}")
          .patch("/v1/tenants/" + slug)
          .then()
          .statusCode(400);
    }
  }

  private static Response call(String endpoint, Fixture f, String token) {
    String[] parts = endpoint.split(" ");
    String path =
        parts[1]
            .replace("{slug}", f.slugA)
            .replace("{op}", f.operationA)
            .replace("{plan}", "small");
    RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
    return switch (parts[0]) {
      case "GET" -> request.get(path);
      case "DELETE" -> request.delete(path);
      case "PATCH" ->
          request.contentType(ContentType.JSON).body("{\"plan\":\"large\"}").patch(path);
      default ->
          switch (path) {
            case "/v1/tenants" ->
                request
                    .contentType(ContentType.JSON)
                    .body("{\"slug\":\"" + TestApi.uniqueSlug("mx") + "\"}")
                    .post(path);
            case "/v1/ops/token-keys/rotate" ->
                request.contentType(ContentType.JSON).body("{\"reason\":\"matrix\"}").post(path);
            default -> postWithBody(request, path, f);
          };
    };
  }

  /** The body each admin lifecycle action needs to succeed for the right caller. */
  private static Response postWithBody(RequestSpecification request, String path, Fixture f) {
    if (path.endsWith("/purge")) {
      return request.contentType(ContentType.JSON).body(Map.of("confirm", f.slugA)).post(path);
    }
    if (path.endsWith("/suspend")
        || path.endsWith("/resume")
        || path.endsWith("/freeze")
        || path.endsWith("/unfreeze")) {
      return request.contentType(ContentType.JSON).body(Map.of("reason", "matrix")).post(path);
    }
    return request.post(path);
  }

  private static String token(String caller, Fixture f) {
    Function<String, String> tenant = TestTokens::tenant;
    return switch (caller) {
      case "none" -> null;
      case "expired" ->
          Jwt.issuer("https://slipway.dev")
              .audience("slipway-api")
              .subject("late")
              .groups(Set.of("admin"))
              .issuedAt(Instant.now().minusSeconds(7200))
              .expiresAt(Instant.now().minusSeconds(3600))
              .sign();
      case "forged" ->
          Jwt.issuer("https://slipway.dev")
              .audience("slipway-api")
              .subject("mallory")
              .groups(Set.of("admin"))
              .sign(foreignKey());
      case "audience" ->
          Jwt.issuer("https://slipway.dev")
              .audience("another-api")
              .subject("confused")
              .groups(Set.of("admin"))
              .sign();
      case "tenantA" -> tenant.apply(f.idA);
      case "tenantB" -> tenant.apply(f.idB);
      case "ops" -> TestTokens.ops();
      default -> TestTokens.admin();
    };
  }

  private static java.security.PrivateKey foreignKey() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tenant A (acted on) and tenant B, each freshly created. */
  private static final class Fixture {
    final String slugA = TestApi.uniqueSlug("ma");
    final String idA;
    final String operationA;
    final String idB;

    Fixture() {
      Response a = TestApi.createTenant(TestTokens.admin(), slugA);
      idA = a.path("tenant.id");
      operationA = a.path("operation.id");
      idB = TestApi.createTenant(TestTokens.admin(), TestApi.uniqueSlug("mb")).path("tenant.id");
    }

    /**
     * Puts tenant A where the endpoint applies: deleted for restore and purge, suspended for
     * resume, frozen for unfreeze.
     */
    void prepareFor(String endpoint) {
      var admin = TestApi.as(TestTokens.admin());
      if (endpoint.endsWith("/restore") || endpoint.endsWith("/purge")) {
        admin.delete("/v1/tenants/" + slugA).then().statusCode(202);
      } else if (endpoint.endsWith("/resume")) {
        admin
            .contentType(ContentType.JSON)
            .body(Map.of("reason", "matrix"))
            .post("/v1/tenants/" + slugA + "/suspend")
            .then()
            .statusCode(202);
      } else if (endpoint.endsWith("/unfreeze")) {
        admin
            .contentType(ContentType.JSON)
            .body(Map.of("reason", "matrix"))
            .post("/v1/tenants/" + slugA + "/freeze")
            .then()
            .statusCode(200);
      }
    }
  }
}
