package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.LocalStackOptions;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services run with the prod overlay's configuration (its committed rendering, endpoints
 * replaced by the local ones): after the worker has provisioned a fleet, a reconcile pass finds
 * nothing to repair. With the reconciler's tenant image left at a built-in default while the worker
 * got the prod image, every pass reported drift on every tenant and queued RECONCILEs for ever.
 */
class ProdConfigurationIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir static Path stateDir;

  @Test
  void aHealthyFleetShowsNoDriftAndQueuesNothing() throws Exception {
    LocalStackOptions options =
        LocalStackOptions.test(RunningStack.repoRoot(), stateDir).withOverlay("prod");
    try (RunningStack running = RunningStack.start(options)) {
      Map<String, String> env = running.env();
      List<String> slugs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        slugs.add(create(env, "prod-" + i + "-" + UUID.randomUUID().toString().substring(0, 6)));
      }
      for (String slug : slugs) {
        await().atMost(WAIT).untilAsserted(() -> running(env, slug));
        String image =
            running
                .kube()
                .apps()
                .deployments()
                .inNamespace(namespaceOf(env, slug))
                .withName(slug)
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:1.0.0", image);
      }
      try (Connection db = StackDatabase.connect(env)) {
        long after = now(db);
        // Two whole passes that started after every tenant was running: drift then would be the
        // configuration's, not a pass that overlapped a create.
        await().atMost(WAIT).until(() -> passesSince(db, after) >= 2);
        try (ResultSet r =
            db.createStatement()
                .executeQuery(
                    "SELECT tenants_scanned, missing, spec_drift, status_drift, stuck, orphans,"
                        + " repairs_enqueued, errors FROM reconcile_runs WHERE outcome ="
                        + " 'SUCCEEDED' AND extract(epoch from started_at) * 1000 > "
                        + after)) {
          while (r.next()) {
            assertTrue(r.getInt("tenants_scanned") >= slugs.size());
            for (String column :
                List.of(
                    "missing",
                    "spec_drift",
                    "status_drift",
                    "stuck",
                    "orphans",
                    "repairs_enqueued",
                    "errors")) {
              assertEquals(0, r.getInt(column), column);
            }
          }
        }
        try (ResultSet r =
            db.createStatement()
                .executeQuery("SELECT count(*) FROM operations WHERE type = 'RECONCILE'")) {
          r.next();
          assertEquals(0, r.getInt(1), "no RECONCILE queued for a healthy fleet");
        }
      }
    }
  }

  private static long now(Connection db) throws Exception {
    try (ResultSet r =
        db.createStatement().executeQuery("SELECT (extract(epoch from now()) * 1000)::bigint")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static int passesSince(Connection db, long epochMillis) throws Exception {
    try (ResultSet r =
        db.createStatement()
            .executeQuery(
                "SELECT count(*) FROM reconcile_runs WHERE outcome = 'SUCCEEDED' AND"
                    + " extract(epoch from started_at) * 1000 > "
                    + epochMillis)) {
      r.next();
      return r.getInt(1);
    }
  }

  private static String create(Map<String, String> env, String slug) {
    api(env)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(202);
    return slug;
  }

  private static void running(Map<String, String> env, String slug) {
    api(env)
        .get("/v1/tenants/" + slug)
        .then()
        .statusCode(200)
        .body("phase", equalTo("RUNNING"))
        .body("gatewayUrl", equalTo("wss://" + slug + ".gw.example.com"));
  }

  private static String namespaceOf(Map<String, String> env, String slug) {
    return api(env).get("/v1/tenants/" + slug).then().extract().path("namespace");
  }

  private static RequestSpecification api(Map<String, String> env) {
    return given()
        .baseUri(env.get("SLIPWAY_API_URL"))
        .auth()
        .oauth2(env.get("SLIPWAY_ADMIN_TOKEN"));
  }
}
