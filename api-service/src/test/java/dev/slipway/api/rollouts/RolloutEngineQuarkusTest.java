package dev.slipway.api.rollouts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.rollouts.engine.RolloutEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the engine: its steps, run again and again or by several processes at once (the
 * scheduler's tick runs beside the test's own calls), never apply a wave twice nor skip a gate.
 */
@QuarkusTest
class RolloutEngineQuarkusTest {
  @Inject Pool pool;
  @Inject RolloutEngine engine;

  private static String create(RolloutFixture f, String strategy) {
    return RolloutFixture.post(
            "{\"target\":{\"imageVersion\":\"2.0.0\"},\"selector\":"
                + f.selector()
                + ",\"strategy\":"
                + strategy
                + ",\"reason\":\"engine test\"}")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  @Test
  void stepsRepeatedWithoutReadyTenantsNeverPassTheGate() {
    RolloutFixture f = new RolloutFixture(pool).tenants(4);
    UUID id =
        UUID.fromString(create(f, "{\"canary\":2,\"waves\":[\"100%\"],\"readyTimeout\":\"1h\"}"));
    for (int i = 0; i < 10; i++) {
      engine.step(id);
    }
    assertEquals(2, f.updates(), "the canary only: its gate holds the next wave back");
    assertEquals(
        2,
        f.number(
            "SELECT count(*) FROM rollout_tenants WHERE rollout_id = $1"
                + " AND wave = 1 AND state = 'PENDING'",
            id));
    assertEquals(f.generations(), 4 + 2, "the canary's generations moved once each");
  }

  @Test
  void concurrentStepsChangeEveryTenantExactlyOnce() {
    RolloutFixture f = new RolloutFixture(pool).tenants(8);
    UUID id =
        UUID.fromString(
            create(
                f,
                "{\"canary\":1,\"waves\":[\"50%\",\"100%\"],\"maxParallel\":2,"
                    + "\"readyTimeout\":\"1h\"}"));
    // Rounds of four steps at once, as four processes would take them, until the end.
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Callable<Boolean>> four = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      four.add(() -> engine.step(id));
    }
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                f.converge();
                for (Future<Boolean> step : threads.invokeAll(four)) {
                  step.get();
                }
                return "SUCCEEDED".equals(RolloutFixture.status(id.toString()));
              });
    } finally {
      threads.shutdown();
    }
    assertEquals(8, f.updates(), "one UPDATE per tenant");
    assertEquals(8 * 2, f.generations(), "each tenant's generation moved exactly once");
  }
}
