package dev.slipway.api.tenants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Start, stop, rotate, delete, preconditions and listings against the real database. */
@QuarkusTest
class TenantLifecycleQuarkusTest {
  @Inject Pool pool;

  @Test
  void lifecycleBumpsGenerationsQueuesOperationsAndSkipsNoOps() {
    String slug = created();
    act("stop", slug)
        .then()
        .statusCode(202)
        .body("tenant.desiredState", equalTo("STOPPED"))
        .body("tenant.generation", equalTo(2))
        .body("operation.type", equalTo("STOP"))
        .body("operation.status", equalTo("QUEUED"))
        .header("ETag", "\"2\"");
    act("stop", slug)
        .then()
        .statusCode(200)
        .body("operation", nullValue())
        .body("tenant.generation", equalTo(2));
    act("start", slug)
        .then()
        .statusCode(202)
        .body("tenant.desiredState", equalTo("RUNNING"))
        .body("operation.type", equalTo("START"));
    String firstToken = "unused";
    String rotated =
        act("rotate-token", slug)
            .then()
            .statusCode(202)
            .body("gatewayToken", hasLength(64))
            .body("gatewayToken", not(equalTo(firstToken)))
            .body("operation.type", equalTo("ROTATE_TOKEN"))
            .body("tenant.generation", equalTo(4))
            .extract()
            .path("gatewayToken");
    admin()
        .get("/v1/tenants/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"4\"")
        .body("gatewayToken", nullValue());
    act("start", slug).then().statusCode(200).body("gatewayToken", nullValue());
    admin()
        .get("/v1/tenants/" + slug + "/operations")
        .then()
        .statusCode(200)
        .body("items.type", contains("ROTATE_TOKEN", "START", "STOP", "CREATE"))
        .body("nextCursor", nullValue());
    org.junit.jupiter.api.Assertions.assertEquals(64, rotated.length());
  }

  @Test
  void ifMatchGuardsAgainstLostUpdates() {
    String slug = created();
    admin()
        .header("If-Match", "\"7\"")
        .post("/v1/tenants/" + slug + "/stop")
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("generation 1"));
    admin()
        .header("If-Match", "\"1\"")
        .post("/v1/tenants/" + slug + "/stop")
        .then()
        .statusCode(202);
    admin()
        .header("If-Match", "nonsense")
        .post("/v1/tenants/" + slug + "/start")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void deletedTenantKeepsItsRowRefusesChangesAndFreesItsSlugOnceGone() {
    String slug = created();
    admin()
        .delete("/v1/tenants/" + slug)
        .then()
        .statusCode(202)
        .body("tenant.desiredState", equalTo("DELETED"))
        .body("operation.type", equalTo("DELETE"));
    admin().delete("/v1/tenants/" + slug).then().statusCode(200).body("operation", nullValue());
    act("start", slug)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("DELETED"));
    // Objects still being removed: the slug is not free yet.
    create(slug).then().statusCode(409);
    markDeletedByWorker(slug);
    String newId = create(slug).then().statusCode(202).extract().path("tenant.id");
    admin()
        .get("/v1/tenants/" + slug)
        .then()
        .statusCode(200)
        .body("id", equalTo(newId))
        .body("phase", equalTo("PENDING"));
  }

  @Test
  void listingPagesThroughTenantsInSlugOrderAndFiltersByPhase() {
    String prefix = "ls" + UUID.randomUUID().toString().substring(0, 6);
    for (String suffix : new String[] {"c", "a", "b"}) {
      create(prefix + "-" + suffix).then().statusCode(202);
    }
    // Other tests create tenants too: page until ours are all seen, checking slug order.
    java.util.List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request = admin().queryParam("limit", 2).queryParam("phase", "pending");
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/v1/tenants");
      page.then().statusCode(200);
      seen.addAll(page.path("items.slug"));
      cursor = page.path("nextCursor");
    } while (cursor != null);
    java.util.List<String> sorted = new java.util.ArrayList<>(seen);
    java.util.Collections.sort(sorted);
    org.junit.jupiter.api.Assertions.assertEquals(sorted, seen, "stable slug order");
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(prefix + "-a", prefix + "-b", prefix + "-c"),
        seen.stream().filter(s -> s.startsWith(prefix)).toList());
    org.junit.jupiter.api.Assertions.assertEquals(
        seen.size(), new java.util.HashSet<>(seen).size(), "no tenant twice");
  }

  @Test
  void badListingParametersAreProblems() {
    admin()
        .queryParam("limit", 0)
        .get("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    admin().queryParam("limit", "ten").get("/v1/tenants").then().statusCode(400);
    admin().queryParam("phase", "SLEEPING").get("/v1/tenants").then().statusCode(400);
    admin().queryParam("cursor", "forged").get("/v1/tenants").then().statusCode(400);
    admin().get("/v1/tenants/nobody-here/operations").then().statusCode(404);
    admin()
        .post("/v1/tenants/nobody-here/start")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void operationsPageNewestFirstWithCursor() {
    String slug = created();
    act("stop", slug).then().statusCode(202);
    act("start", slug).then().statusCode(202);
    Response first = admin().queryParam("limit", 2).get("/v1/tenants/" + slug + "/operations");
    first
        .then()
        .statusCode(200)
        .body("items.type", contains("START", "STOP"))
        .body("nextCursor", notNullValue());
    admin()
        .queryParam("limit", 2)
        .queryParam("cursor", first.<String>path("nextCursor"))
        .get("/v1/tenants/" + slug + "/operations")
        .then()
        .statusCode(200)
        .body("items.type", contains("CREATE"))
        .body("nextCursor", nullValue());
  }

  private static RequestSpecification admin() {
    return given().auth().oauth2(TestTokens.admin());
  }

  private static Response act(String action, String slug) {
    return admin().post("/v1/tenants/" + slug + "/" + action);
  }

  private static Response create(String slug) {
    return TestApi.createTenant(TestTokens.admin(), slug);
  }

  private static String created() {
    String slug = "lc-" + UUID.randomUUID().toString().substring(0, 8);
    create(slug).then().statusCode(202);
    return slug;
  }

  /** What the worker records once a deleted tenant's objects are gone. */
  private void markDeletedByWorker(String slug) {
    pool.preparedQuery("UPDATE tenants SET phase = 'DELETED' WHERE slug = $1")
        .execute(Tuple.of(slug))
        .await()
        .atMost(Duration.ofSeconds(5));
  }
}
