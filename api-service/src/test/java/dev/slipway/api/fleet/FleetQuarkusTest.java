package dev.slipway.api.fleet;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.http.ApiException;
import dev.slipway.common.model.ImageVersions;
import dev.slipway.shared.fleet.FleetConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fleet's defaults in the database: the bootstrap's version 1, what new tenants get from the
 * default version, GET /v1/fleet's counts, and FleetVersions for the rollout engine.
 */
@QuarkusTest
class FleetQuarkusTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  @Inject Pool pool;
  @Inject FleetConfig fleetConfig;
  @Inject FleetVersions versions;
  @Inject FleetBootstrap bootstrap;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void versionOneIsTheConfiguredImageAndRowsWithoutAVersionGetIt() {
    String version1 = ImageVersions.versionOf(fleetConfig.image());
    TestApi.as(TestTokens.ops())
        .get("/v1/fleet")
        .then()
        .statusCode(200)
        .body("versions.find { it.version == 1 }.imageVersion", equalTo(version1))
        .body("versions.find { it.version == 1 }.reason", equalTo("bootstrap"));

    // A row written by an API from before migration V13, then the bootstrap of a restart.
    String slug = TestApi.uniqueSlug("legacy");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    sql(
        "UPDATE tenants SET fleet_version = NULL, fleet_image_version = NULL WHERE slug = $1",
        slug);
    TestApi.as(TestTokens.admin())
        .get("/v1/tenants/" + slug)
        .then()
        .body("fleetVersion", nullValue());
    bootstrap.run();
    TestApi.as(TestTokens.admin())
        .get("/v1/tenants/" + slug)
        .then()
        .body("fleetVersion", equalTo(1))
        .body("effectiveImageVersion", equalTo(version1))
        .body("generation", equalTo(1));
  }

  @Test
  void newTenantsGetThePromotedDefaultAndTheFleetCountsThem() throws Exception {
    FleetVersion before = versions.current(pool).await().atMost(TIMEOUT).orElseThrow();
    FleetVersion next =
        versions
            .create("7.7.7", json.readTree("{\"maxConnections\":777}"), "test", "tester", null)
            .await()
            .atMost(TIMEOUT);
    assertEquals("7.7.7", next.imageVersion());
    assertEquals(null, next.promotedAt(), "created unpromoted");
    String following = TestApi.uniqueSlug("follow");
    String pinned = TestApi.uniqueSlug("pinned");
    try {
      versions.promote(next.version()).await().atMost(TIMEOUT);
      TestApi.createTenant(TestTokens.admin(), following)
          .then()
          .statusCode(202)
          .body("tenant.fleetVersion", equalTo(next.version()))
          .body("tenant.imageVersion", nullValue())
          .body("tenant.effectiveImageVersion", equalTo("7.7.7"))
          .body("tenant.gatewayConfig.maxConnections", equalTo(777));
      TestApi.as(TestTokens.admin())
          .contentType(ContentType.JSON)
          .body(Map.of("slug", pinned, "imageVersion", "1.0.1"))
          .post("/v1/tenants")
          .then()
          .statusCode(202)
          .body("tenant.imageVersion", equalTo("1.0.1"))
          .body("tenant.effectiveImageVersion", equalTo("1.0.1"));

      Response fleet = TestApi.as(TestTokens.admin()).get("/v1/fleet");
      fleet
          .then()
          .statusCode(200)
          .body("default.version", equalTo(next.version()))
          .body("default.imageVersion", equalTo("7.7.7"))
          .body("default.gatewayConfig.maxConnections", equalTo(777))
          .body("default.createdBy", equalTo("tester"))
          .body("versions[0].version", equalTo(next.version()))
          .body("versions[0].tenants", equalTo(1));
      long pinnedCount = fleet.jsonPath().getLong("pinned");
      assertEquals(count("image_version IS NOT NULL"), pinnedCount);
    } finally {
      versions.promote(before.version()).await().atMost(TIMEOUT);
    }
    TestApi.as(TestTokens.ops())
        .get("/v1/fleet")
        .then()
        .body("default.version", equalTo(before.version()));
  }

  @Test
  void aNewVersionMergesItsPatchIntoTheDefaultsAndChecksIt() throws Exception {
    FleetVersion current = versions.current(pool).await().atMost(TIMEOUT).orElseThrow();
    FleetVersion keeps =
        versions
            .create(
                null,
                json.readTree("{\"burst\":5,\"maxConnections\":null}"),
                "t",
                "t",
                UUID.randomUUID())
            .await()
            .atMost(TIMEOUT);
    assertEquals(current.imageVersion(), keeps.imageVersion());
    assertEquals(5, keeps.gatewayConfig().get("burst").asInt());
    assertEquals(null, keeps.gatewayConfig().get("maxConnections"));
    ApiException project =
        assertThrows(
            ApiException.class,
            () ->
                versions
                    .create(null, json.readTree("{\"project\":\"x\"}"), "t", "t", null)
                    .await()
                    .atMost(TIMEOUT));
    assertEquals("target.gatewayConfig.project", project.errors().get(0).field());
    ApiException image =
        assertThrows(
            ApiException.class,
            () -> versions.create("bad image", null, "t", "t", null).await().atMost(TIMEOUT));
    assertEquals("target.imageVersion", image.errors().get(0).field());
    assertThrows(ApiException.class, () -> versions.promote(1_000_000).await().atMost(TIMEOUT));
  }

  private void sql(String statement, Object... args) {
    pool.preparedQuery(statement).execute(Tuple.from(args)).await().atMost(TIMEOUT);
  }

  private long count(String where) {
    return pool.query("SELECT count(*) FROM tenants WHERE phase <> 'DELETED' AND " + where)
        .execute()
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getLong(0);
  }
}
