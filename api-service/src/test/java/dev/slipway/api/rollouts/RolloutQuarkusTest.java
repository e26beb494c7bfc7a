package dev.slipway.api.rollouts;

import static dev.slipway.api.TestApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance of issue 23 with small numbers: success, a crashloop halt, a pause. */
@QuarkusTest
class RolloutQuarkusTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  @Inject Pool pool;

  private static String body(RolloutFixture f, String image, String strategy) {
    return "{\"target\":{\"imageVersion\":\""
        + image
        + "\"},\"selector\":"
        + f.selector()
        + ",\"strategy\":"
        + strategy
        + ",\"reason\":\"gateway "
        + image
        + "\"}";
  }

  /** Runs a rollout, playing the worker, until it reaches {@code end}. */
  private static String runTo(RolloutFixture f, String body, String end) {
    String id = RolloutFixture.post(body).then().statusCode(202).extract().path("id");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              f.converge();
              return end.equals(RolloutFixture.status(id));
            });
    return id;
  }

  @Test
  void canaryThenWavesRunToSucceededAndEveryTenantRunsTheNewImage() {
    RolloutFixture f = new RolloutFixture(pool).tenants(10);
    String body =
        body(
            f,
            "1.2.3",
            "{\"canary\":2,\"waves\":[\"50%\",\"100%\"],\"maxParallel\":3,\"bake\":\"0s\","
                + "\"readyTimeout\":\"30s\",\"maxFailures\":0}");
    var created = RolloutFixture.post(body).then().statusCode(202);
    created
        .header("Location", startsWith("/v1/rollouts/"))
        .body("status", equalTo("RUNNING"))
        .body("waves", hasSize(3))
        .body("waves[0].canary", equalTo(true))
        .body("waves[0].tenants", hasSize(2))
        .body("waves[1].tenants", hasSize(4))
        .body("waves[2].tenants", hasSize(4))
        .body("counts.total", equalTo(10));
    String id = created.extract().path("id");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              f.converge();
              return "SUCCEEDED".equals(RolloutFixture.status(id));
            });
    var view = RolloutFixture.get(id);
    assertEquals(10, view.getInt("counts.ready"));
    assertEquals(List.of("PASSED", "PASSED", "PASSED"), view.getList("waves.status"));
    assertEquals(
        10,
        f.number(
            "SELECT count(*) FROM tenants t JOIN rollouts r ON r.fleet_version = t.fleet_version"
                + " WHERE r.id = $1::uuid AND t.fleet_image_version = '1.2.3'"
                + " AND t.generation = 2 AND t.labels @> jsonb_build_object('suite', $2::text)",
            id,
            f.suite));
    assertEquals(10, f.updates(), "one UPDATE per tenant, each through the outbox");
    assertTrue(
        f.number(
                "SELECT count(*) FROM ops_audit WHERE target = $1 AND action IN"
                    + " ('rollout.create', 'rollout.wave-passed', 'rollout.succeeded')",
                id)
            >= 5);
  }

  @Test
  void aCrashloopImageHaltsAfterTheCanaryAndRollsTheCanaryBack() {
    RolloutFixture f = new RolloutFixture(pool).tenants(6);
    String strategy = "{\"canary\":2,\"waves\":[\"100%\"],\"bake\":\"0s\",\"readyTimeout\":\"2s\"}";
    runTo(f, body(f, "1.2.3", strategy), "SUCCEEDED");
    String id = runTo(f, body(f, "9.9.9-crashloop", strategy), "ROLLED_BACK");

    var view = RolloutFixture.get(id);
    assertEquals("ROLLED_BACK", view.getString("waves[0].status"));
    assertEquals(List.of("ROLLED_BACK", "ROLLED_BACK"), view.getList("waves[0].tenants.state"));
    assertTrue(view.getString("waves[0].tenants[0].detail").contains("CrashLoopBackOff"));
    assertTrue(view.getString("lastError").contains("wave 0: 2 tenant(s) failed"));
    assertEquals(
        List.of("SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED"),
        view.getList("waves[1].tenants.state"));
    String suite = "labels @> jsonb_build_object('suite', $1::text)";
    assertEquals(
        2,
        f.number(
            "SELECT count(*) FROM tenants WHERE "
                + suite
                + " AND generation = 4 AND fleet_image_version = '1.2.3'",
            f.suite),
        "the canary: changed (3) and rolled back (4) to 1.2.3");
    assertEquals(
        4,
        f.number(
            "SELECT count(*) FROM tenants WHERE "
                + suite
                + " AND generation = 2 AND fleet_image_version = '1.2.3'",
            f.suite),
        "the others untouched since the first rollout");
    assertEquals(
        1,
        f.number(
            "SELECT count(*) FROM ops_audit WHERE target = $1" + " AND action = 'rollout.halted'",
            id));
    // The halted rollout released its tenants: a new rollout may take them.
    runTo(f, body(f, "1.2.4", strategy), "SUCCEEDED");
  }

  @Test
  void aRolloutPausedBetweenWavesStaysPausedUntilResumed() {
    RolloutFixture f = new RolloutFixture(pool).tenants(5);
    String id =
        RolloutFixture.post(
                body(
                    f,
                    "1.2.3",
                    "{\"canary\":1,\"waves\":[\"100%\"],\"bake\":\"3s\",\"readyTimeout\":\"30s\"}"))
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              f.converge();
              return "BAKING".equals(RolloutFixture.get(id).getString("waves[0].status"));
            });
    admin()
        .body("{\"reason\":\"look at the canary\"}")
        .post("/v1/rollouts/" + id + "/pause")
        .then()
        .statusCode(200)
        .body("status", equalTo("PAUSED"));
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(
            () -> {
              f.converge();
              var v = RolloutFixture.get(id);
              return v.getString("status").equals("PAUSED")
                  && v.getList("waves[1].tenants.state").stream().allMatch("PENDING"::equals);
            });
    assertEquals(1, f.updates(), "nothing changed while paused but the canary");
    admin().body("{}").post("/v1/rollouts/" + id + "/pause").then().statusCode(409);
    admin()
        .body("{\"reason\":\"canary fine\"}")
        .post("/v1/rollouts/" + id + "/resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("RUNNING"));
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              f.converge();
              return "SUCCEEDED".equals(RolloutFixture.status(id));
            });
    assertEquals(5, f.updates());
  }

  @Test
  void abortSkipsWhatIsPendingAndReleasesTheTenants() {
    RolloutFixture f = new RolloutFixture(pool).tenants(4);
    String id =
        RolloutFixture.post(
                body(f, "1.2.3", "{\"canary\":1,\"waves\":[\"100%\"],\"readyTimeout\":\"30s\"}"))
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    admin()
        .body("{\"reason\":\"wrong image\"}")
        .post("/v1/rollouts/" + id + "/abort")
        .then()
        .statusCode(200)
        .body("status", equalTo("ABORTED"));
    assertEquals(
        0,
        f.number(
            "SELECT count(*) FROM rollout_tenants WHERE rollout_id = $1::uuid"
                + " AND (active OR state = 'PENDING')",
            id));
    admin().body("{}").post("/v1/rollouts/" + id + "/resume").then().statusCode(409);
    as(TestTokens.ops())
        .get("/v1/rollouts?status=ABORTED&limit=100")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItem(id));
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return as(TestTokens.admin()).contentType(ContentType.JSON);
  }
}
