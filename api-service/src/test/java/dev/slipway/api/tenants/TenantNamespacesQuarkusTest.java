package dev.slipway.api.tenants;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Namespace sharding at the API (issue 10): tests run with three tenant namespaces
 * (application.properties); creation spreads tenants over them, records each one's namespace on its
 * row and shows it, and no client can choose or change it.
 */
@QuarkusTest
class TenantNamespacesQuarkusTest {
  private static final List<String> CONFIGURED = List.of("tenants", "tenants-2", "tenants-3");
  @Inject Pool pool;

  @Test
  void creationSpreadsTenantsAndRecordsTheirNamespace() {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      String slug = TestApi.uniqueSlug("shard");
      String namespace =
          TestApi.createTenant(TestTokens.admin(), slug)
              .then()
              .statusCode(202)
              .body("tenant.namespace", in(CONFIGURED))
              .extract()
              .path("tenant.namespace");
      assertEquals(namespace, stored(slug), "the row records what the response said");
      admin().get("/v1/tenants/" + slug).then().body("namespace", equalTo(namespace));
      used.add(namespace);
    }
    // Other tests insert rows straight into the default namespace only, and the API keeps the
    // other two level, so six creates always reach at least those two.
    assertTrue(used.size() >= 2, "spread over " + used);
    admin().get("/v1/tenants?limit=50").then().body("items.namespace", everyItem(in(CONFIGURED)));
  }

  @Test
  void aClientCannotChooseOrChangeTheNamespace() {
    String slug = TestApi.uniqueSlug("pick");
    admin()
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\",\"namespace\":\"kube-system\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    admin().get("/v1/tenants/" + slug).then().statusCode(404);

    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    String namespace = stored(slug);
    admin()
        .contentType(ContentType.JSON)
        .body("{\"namespace\":\"kube-system\"}")
        .patch("/v1/tenants/" + slug)
        .then()
        .statusCode(400);
    admin()
        .get("/v1/tenants/" + slug)
        .then()
        .body("namespace", equalTo(namespace))
        .body("generation", equalTo(1));
  }

  private String stored(String slug) {
    return pool.preparedQuery("SELECT namespace FROM tenants WHERE slug = $1")
        .execute(Tuple.of(slug))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getString(0);
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return TestApi.as(TestTokens.admin());
  }
}
