package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.LocalStackOptions;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23's first acceptance point on the local stack (the three packaged services as separate
 * processes): over 50 tenants on plan {@code small}, a rollout in waves runs to SUCCEEDED with
 * every Deployment on the new image; a crash-looping image halts after the canary, rolls the canary
 * back and leaves every other tenant untouched; a rollout paused between waves stays paused until
 * resumed, then finishes.
 */
class RolloutAcceptanceIT {
  private static final int TENANTS = 50;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(200);

  // Kept when a test fails: the services' logs are in its logs/ directory.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path stateDir;

  static RunningStack running;
  static Map<String, String> env;
  static String run;
  static List<String> slugs;

  @BeforeAll
  static void startStack() throws Exception {
    System.out.println("RolloutAcceptanceIT: stack state and logs in " + stateDir);
    // A shorter engine tick than the default 2 s keeps the five waves of the first rollout short.
    running =
        RunningStack.start(
            LocalStackOptions.test(RunningStack.repoRoot(), stateDir)
                .withServiceEnv(Map.of("SLIPWAY_API_ROLLOUTS_TICK_INTERVAL", "1s")));
    env = running.env();
    run = UUID.randomUUID().toString().substring(0, 6);
    slugs =
        IntStream.range(0, TENANTS)
            .mapToObj(i -> "ro-" + run + "-" + i)
            .collect(Collectors.toList());
  }

  @AfterAll
  static void stopStack() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void rolloutsRunInWavesHaltOnACrashloopingCanaryAndStayPausedUntilResumed() throws Exception {
    createFleet();

    // 1. canary of 2, then waves of 25 % of the other 48: SUCCEEDED, every Deployment on 1.2.3.
    String first = startRollout("1.2.3", "[\"25%\",\"50%\",\"75%\",\"100%\"]", "1s", "60s");
    JsonPath done = awaitStatus(first, "SUCCEEDED");
    assertEquals(5, done.getList("waves").size(), "canary and four waves");
    assertEquals(2, done.getList("waves[0].tenants").size(), "canary");
    assertEquals(TENANTS, done.getInt("counts.ready"), done.prettify());
    assertAllImages(slugs, ":1.2.3");

    // 2. a crash-looping image: halted after the canary, the canary back on 1.2.3, others as was.
    Map<String, Long> before = generations();
    String second = startRollout("9.9.9-crashloop", "[\"100%\"]", "1s", "5s");
    JsonPath halted = awaitStatus(second, "ROLLED_BACK");
    List<String> canary = halted.getList("waves[0].tenants.slug");
    assertEquals(2, canary.size(), halted.prettify());
    assertEquals(List.of("ROLLED_BACK", "ROLLED_BACK"), halted.getList("waves[0].tenants.state"));
    // The halt leaves the later waves unchanged, PENDING or SKIPPED; their generations tell.
    assertTrue(
        List.of("PENDING", "SKIPPED")
            .containsAll(halted.getList("waves[1].tenants.state", String.class)),
        "no tenant after the canary was touched: " + halted.getList("waves[1].tenants.state"));
    assertTrue(
        halted.getString("lastError").contains(canary.get(0)), halted.getString("lastError"));
    await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertAllImages(canary, ":1.2.3"));
    Map<String, Long> after = generations();
    for (String slug : slugs) {
      if (canary.contains(slug)) {
        assertNotEquals(before.get(slug), after.get(slug), slug + " was changed and rolled back");
      } else {
        assertEquals(before.get(slug), after.get(slug), slug + "'s generation");
      }
    }
    assertAllImages(slugs, ":1.2.3");

    // 3. paused while the canary bakes: nothing moves on until resumed, then it finishes.
    String third = startRollout("1.2.4", "[\"100%\"]", "4s", "60s");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "BAKING".equals(rollout(third).getString("waves[0].status")));
    JsonPath paused = control(third, "pause");
    assertEquals("PAUSED", paused.getString("status"));
    List<String> thirdCanary = paused.getList("waves[0].tenants.slug");
    Map<String, Long> atPause = generations();
    // Twice the bake: unpaused, the next wave would have started within it.
    await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(12))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonPath r = rollout(third);
              assertEquals("PAUSED", r.getString("status"));
              assertEquals(0, r.getInt("currentWave"));
              assertEquals(
                  List.of("PENDING"),
                  r.getList("waves[1].tenants.state", String.class).stream().distinct().toList());
              assertEquals(atPause, generations());
            });
    List<String> rest = new ArrayList<>(slugs);
    rest.removeAll(thirdCanary);
    assertAllImages(thirdCanary, ":1.2.4");
    assertAllImages(rest, ":1.2.3");
    assertEquals("RUNNING", control(third, "resume").getString("status"));
    JsonPath finished = awaitStatus(third, "SUCCEEDED");
    assertEquals(TENANTS, finished.getInt("counts.ready"), finished.prettify());
    assertAllImages(slugs, ":1.2.4");
  }

  /** Creates the 50 tenants in parallel through the API and waits until all run. */
  private static void createFleet() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (String slug : slugs) {
        created.add(
            pool.submit(
                () ->
                    api()
                        .contentType(ContentType.JSON)
                        .body(
                            "{\"slug\":\"%s\",\"plan\":\"small\",\"labels\":{\"suite\":\"ro-%s\"}}"
                                .formatted(slug, run))
                        .post("/v1/tenants")
                        .then()
                        .statusCode(202)));
      }
      for (Future<?> f : created) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> generations("phase = 'RUNNING' AND ready_replicas >= 1").size() == TENANTS);
  }

  private static String startRollout(String image, String waves, String bake, String timeout) {
    String body =
        ("{\"target\":{\"imageVersion\":\"%s\"},"
                + "\"selector\":{\"plans\":[\"small\"],\"labels\":{\"suite\":\"ro-%s\"}},"
                + "\"strategy\":{\"canary\":2,\"waves\":%s,\"maxParallel\":25,\"bake\":\"%s\","
                + "\"readyTimeout\":\"%s\",\"maxFailures\":0},"
                + "\"reason\":\"acceptance %s\",\"dryRun\":false}")
            .formatted(image, run, waves, bake, timeout, image);
    return api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/rollouts")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static JsonPath awaitStatus(String id, String status) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              String now = rollout(id).getString("status");
              assertTrue(
                  now.equals(status) || now.equals("RUNNING") || now.equals("HALTED"),
                  "rollout " + id + " ended " + now + ", expected " + status);
              return now.equals(status);
            });
    return rollout(id);
  }

  private static JsonPath rollout(String id) {
    return api().get("/v1/rollouts/" + id).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath control(String id, String action) {
    return api()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"acceptance " + action + "\"}")
        .post("/v1/rollouts/" + id + "/" + action)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static RequestSpecification api() {
    return given()
        .baseUri(env.get("SLIPWAY_API_URL"))
        .auth()
        .oauth2(env.get("SLIPWAY_ADMIN_TOKEN"));
  }

  /** Every named tenant's Deployment runs only images ending in the suffix. */
  private static void assertAllImages(List<String> names, String suffix) {
    Map<String, String> images = new HashMap<>();
    for (String ns : env.get("SLIPWAY_TENANT_NAMESPACES").split(",")) {
      for (Deployment d : running.kube().apps().deployments().inNamespace(ns).list().getItems()) {
        images.put(
            d.getMetadata().getName(),
            d.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(Container::getImage)
                .collect(Collectors.joining(",")));
      }
    }
    Map<String, String> wrong = new TreeMap<>();
    for (String slug : names) {
      String image = images.get(slug);
      if (image == null || !image.endsWith(suffix) || image.contains(",")) {
        wrong.put(slug, image);
      }
    }
    assertEquals(Map.of(), wrong, "Deployments not on " + suffix);
  }

  private static Map<String, Long> generations() throws SQLException {
    return generations("true");
  }

  /** The generation of each of this run's tenants matching the condition, by slug. */
  private static Map<String, Long> generations(String condition) throws SQLException {
    try (Connection c = StackDatabase.connect(env);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT slug, generation FROM tenants WHERE slug = ANY(?) AND " + condition)) {
      Array names = c.createArrayOf("text", slugs.toArray());
      s.setArray(1, names);
      Map<String, Long> found = new TreeMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), rs.getLong(2));
        }
      }
      return found;
    }
  }
}
