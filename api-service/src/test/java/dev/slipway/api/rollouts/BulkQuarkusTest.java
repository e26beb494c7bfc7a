package dev.slipway.api.rollouts;

import static dev.slipway.api.TestApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk operations (issue 23): stop and start in waves, the confirmation a destructive one needs
 * over the threshold (3 tenants in the test profile), frozen and protected tenants skipped, a halt
 * that undoes nothing, bad input.
 */
@QuarkusTest
class BulkQuarkusTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String WAVES =
      "{\"canary\":2,\"waves\":[\"50%\",\"100%\"],\"maxParallel\":3,\"readyTimeout\":\"30s\"}";
  @Inject Pool pool;

  static String body(RolloutFixture f, String target, String strategy, String extra) {
    return "{\"target\":"
        + target
        + ",\"selector\":"
        + f.selector()
        + ",\"strategy\":"
        + strategy
        + ",\"reason\":\"maintenance window\""
        + extra
        + "}";
  }

  /**
   * What the worker records once the suite's tenants converged on their desired state: started ones
   * Running with a ready replica, stopped and soft-deleted ones scaled to zero (Stopped). Tenants
   * named in {@code stuck} are left alone.
   */
  static void converge(RolloutFixture f, String... stuck) {
    f.sql(
        "UPDATE tenants SET observed_generation = generation, conditions = '[]',"
            + " phase = CASE WHEN desired_state = 'RUNNING' THEN 'RUNNING' ELSE 'STOPPED' END,"
            + " ready_replicas = CASE WHEN desired_state = 'RUNNING' THEN 1 ELSE 0 END"
            + " WHERE labels @> jsonb_build_object('suite', $1::text)"
            + " AND observed_generation < generation AND NOT slug = ANY($2)",
        f.suite,
        stuck);
  }

  static String runTo(RolloutFixture f, String body, String end) {
    String id = RolloutFixture.post(body).then().statusCode(202).extract().path("id");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              converge(f);
              return end.equals(RolloutFixture.status(id));
            });
    return id;
  }

  long suiteCount(RolloutFixture f, String where) {
    return f.number(
        "SELECT count(*) FROM tenants WHERE labels @> jsonb_build_object('suite', $1::text) AND "
            + where,
        f.suite);
  }

  @Test
  void aBulkStopRunsInWavesToStoppedAndABulkStartBringsThemBack() {
    RolloutFixture f = new RolloutFixture(pool).tenants(10);
    RolloutFixture.post(body(f, "{\"action\":\"stop\"}", WAVES, ""))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("confirm"));
    var created =
        RolloutFixture.post(body(f, "{\"action\":\"stop\"}", WAVES, ",\"confirm\":10\n"))
            .then()
            .statusCode(202)
            .body("kind", equalTo("BULK"))
            .body("target.action", equalTo("stop"))
            .body("waves", hasSize(3))
            .body("waves[0].tenants", hasSize(2))
            .body("counts.total", equalTo(10));
    String id = created.extract().path("id");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              converge(f);
              return "SUCCEEDED".equals(RolloutFixture.status(id));
            });
    assertEquals(
        List.of("PASSED", "PASSED", "PASSED"), RolloutFixture.get(id).getList("waves.status"));
    assertEquals(10, suiteCount(f, "desired_state = 'STOPPED' AND phase = 'STOPPED'"));
    assertEquals(10, operations(f, "STOP"), "one STOP per tenant, as POST .../stop queues");
    assertEquals(
        10,
        f.number(
            "SELECT count(*) FROM ops_audit WHERE action = 'tenant.stop' AND target = ANY($1)",
            (Object) f.slugs.toArray(String[]::new)));

    // Start is not destructive: no confirmation needed.
    String start = runTo(f, body(f, "{\"action\":\"start\"}", WAVES, ""), "SUCCEEDED");
    assertEquals(10, RolloutFixture.get(start).getInt("counts.ready"));
    assertEquals(10, suiteCount(f, "desired_state = 'RUNNING' AND phase = 'RUNNING'"));
    // Nothing left to start: the selector matches no tenant to change.
    RolloutFixture.post(body(f, "{\"action\":\"start\"}", WAVES, ""))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("selector"));
  }

  @Test
  void aBulkDeleteNeedsTheExactCountAndSkipsFrozenAndProtectedTenants() {
    RolloutFixture f = new RolloutFixture(pool).tenants(6);
    String frozen = f.slugs.get(0);
    String kept = f.slugs.get(1);
    as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"customer incident\"}")
        .post("/v1/tenants/" + frozen + "/freeze")
        .then()
        .statusCode(200);
    f.sql("UPDATE tenants SET deletion_protection = 'legal hold' WHERE slug = $1", kept);
    String delete = "{\"action\":\"delete\"}";
    String strategy = "{\"waves\":[\"100%\"],\"readyTimeout\":\"30s\"}";

    RolloutFixture.post(body(f, delete, strategy, ""))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("confirm"))
        .body("detail", containsString("\"confirm\": 4"));
    RolloutFixture.post(body(f, delete, strategy, ",\"confirm\":6"))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("confirm"))
        .body("detail", containsString("changes 4 tenants"));
    RolloutFixture.post(body(f, delete, strategy, ",\"dryRun\":true"))
        .then()
        .statusCode(200)
        .body("total", equalTo(4))
        .body("confirmRequired", equalTo(true))
        .body("skipped.slug", hasItem(frozen))
        .body("skipped.reason", hasItem("protected from deletion: legal hold"));
    assertEquals(0, suiteCount(f, "deleted_at IS NOT NULL"), "nothing refused or dry-run wrote");

    String id = runTo(f, body(f, delete, strategy, ",\"confirm\":4"), "SUCCEEDED");
    assertEquals(4, suiteCount(f, "deleted_at IS NOT NULL AND desired_state = 'OFFLINE'"));
    assertEquals(
        0, suiteCount(f, "deleted_at IS NOT NULL AND slug IN ('" + frozen + "', '" + kept + "')"));
    assertEquals(4, operations(f, "SOFT_DELETE"), "the soft delete DELETE /v1/tenants queues");
    var view = RolloutFixture.get(id);
    assertEquals(6, view.getInt("counts.total"));
    assertEquals(4, view.getInt("counts.ready"));
    assertEquals(2, view.getInt("counts.skipped"));
    assertEquals(
        List.of("frozen: customer incident"),
        view.getList("waves[0].tenants.findAll { it.slug == '" + frozen + "' }.detail"));
  }

  @Test
  void aHaltedBulkStopUndoesNothingUnlessAskedAndReleasesItsTenants() {
    RolloutFixture f = new RolloutFixture(pool).tenants(3);
    String id = haltedStop(f, "{\"waves\":[\"100%\"],\"readyTimeout\":\"1s\"}", "HALTED");
    var view = RolloutFixture.get(id);
    assertNotNull(view.getString("finishedAt"));
    assertNotNull(view.getString("lastError"));
    assertEquals(3, suiteCount(f, "desired_state = 'STOPPED'"), "a halted stop restarts nobody");
    assertEquals(
        0,
        f.number(
            "SELECT count(*) FROM rollout_tenants WHERE rollout_id = $1::uuid AND active", id));

    RolloutFixture g = new RolloutFixture(pool).tenants(3);
    String undo = "{\"waves\":[\"100%\"],\"readyTimeout\":\"1s\",\"rollbackAll\":true}";
    String second = haltedStop(g, undo, "ROLLED_BACK");
    assertEquals(3, suiteCount(g, "desired_state = 'RUNNING'"), "rollbackAll restarts them");
    assertEquals(
        List.of("ROLLED_BACK", "ROLLED_BACK", "ROLLED_BACK"),
        RolloutFixture.get(second).getList("waves[0].tenants.state"));
  }

  /** A bulk stop of the suite whose first tenant never stops, run until {@code end}. */
  private static String haltedStop(RolloutFixture f, String strategy, String end) {
    String stuck = f.slugs.get(0);
    String id =
        RolloutFixture.post(body(f, "{\"action\":\"stop\"}", strategy, ",\"confirm\":3"))
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              converge(f, stuck);
              var v = RolloutFixture.get(id);
              return end.equals(v.getString("status")) && v.get("finishedAt") != null;
            });
    return id;
  }

  @Test
  void badBulkInputIsA422NamingTheField() {
    RolloutFixture f = new RolloutFixture(pool).tenants(2);
    long generations = f.generations();
    String s = "{\"waves\":[\"100%\"]}";
    refused(body(f, "{\"action\":\"reboot\"}", s, ""), "target.action");
    refused(body(f, "{\"action\":\"change-plan\"}", s, ""), "target.plan");
    refused(body(f, "{\"action\":\"change-plan\",\"plan\":\"huge\"}", s, ""), "target.plan");
    refused(body(f, "{\"action\":\"stop\",\"plan\":\"small\"}", s, ""), "target.plan");
    refused(body(f, "{\"action\":\"stop\",\"imageVersion\":\"1.2.3\"}", s, ""), "target");
    refused(
        body(f, "{\"action\":\"delete\"}", "{\"waves\":[\"100%\"],\"rollbackAll\":true}", ""),
        "strategy.rollbackAll");
    refused(body(f, "{\"action\":\"change-plan\",\"plan\":\"small\"}", s, ""), "selector");
    refused(body(f, "{\"action\":\"stop\"}", s, ",\"confirm\":1"), "confirm");
    assertEquals(generations, f.generations(), "no refused request changed anything");
  }

  @Test
  void aBulkPlanChangeRunsAsARolloutOfKindBulk() {
    RolloutFixture f = new RolloutFixture(pool).tenants(2);
    String id =
        runTo(
            f,
            body(
                f,
                "{\"action\":\"change-plan\",\"plan\":\"standard\"}",
                "{\"waves\":[\"100%\"]}",
                ""),
            "SUCCEEDED");
    assertEquals("BULK", RolloutFixture.get(id).getString("kind"));
    assertEquals(2, suiteCount(f, "plan = 'standard' AND replicas = 2"));
  }

  private static void refused(String body, String field) {
    RolloutFixture.post(body)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  private static long operations(RolloutFixture f, String type) {
    return f.number(
        "SELECT count(*) FROM operations o JOIN tenants t ON t.id = o.tenant_id"
            + " WHERE o.type = $2 AND t.labels @> jsonb_build_object('suite', $1::text)",
        f.suite,
        type);
  }
}
