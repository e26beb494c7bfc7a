package dev.slipway.api.reconcileruns;

import static dev.slipway.api.TestApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /v1/ops/reconcile-runs: newest first, cursor pages, admin and ops only. */
@QuarkusTest
class ReconcileRunsQuarkusTest {
  @Inject Pool pool;

  @Test
  void opsPagesThroughRunsNewestFirst() {
    // Far in the future, so these are the newest runs whatever else the database holds.
    OffsetDateTime base =
        OffsetDateTime.parse("2999-01-01T00:00:00Z")
            .plusMinutes((long) (Math.random() * 1_000_000));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(insertRun(base.plusMinutes(i), i == 2 ? "REPORT_ONLY" : "REPAIR", i));
    }

    var first =
        as(TestTokens.ops())
            .queryParam("limit", 2)
            .get("/v1/ops/reconcile-runs")
            .then()
            .statusCode(200)
            .body("items.id", contains(ids.get(2), ids.get(1)))
            .body("items[0].mode", equalTo("REPORT_ONLY"))
            .body("items[0].drift.missing", equalTo(2))
            .body("items[0].drift.orphan", equalTo(7))
            .body("items[0].repairs.enqueued", equalTo(5))
            .body("items[0].repairs.frozenSkipped", equalTo(3))
            .body("items[0].outcome", equalTo("SUCCEEDED"))
            .extract();
    String cursor = first.path("nextCursor");

    String third =
        as(TestTokens.admin())
            .queryParam("limit", 1)
            .queryParam("cursor", cursor)
            .get("/v1/ops/reconcile-runs")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].id");
    assertEquals(ids.get(0), third);
  }

  @Test
  void tenantsMayNotReadRunsAndBadInputIs400() {
    as(TestTokens.tenant(UUID.randomUUID().toString()))
        .get("/v1/ops/reconcile-runs")
        .then()
        .statusCode(403);
    as(TestTokens.ops())
        .queryParam("cursor", "nonsense")
        .get("/v1/ops/reconcile-runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as(TestTokens.ops())
        .queryParam("limit", 0)
        .get("/v1/ops/reconcile-runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    io.restassured.RestAssured.given().get("/v1/ops/reconcile-runs").then().statusCode(401);
  }

  @Test
  void aRunStillGoingHasNoEnd() {
    OffsetDateTime future = OffsetDateTime.parse("3999-01-01T00:00:00Z");
    UUID id = UUID.randomUUID();
    pool.preparedQuery(
            "INSERT INTO reconcile_runs (id, started_at, mode) VALUES ($1, $2, 'REPAIR')")
        .execute(Tuple.of(id, future))
        .await()
        .atMost(Duration.ofSeconds(10));
    as(TestTokens.ops())
        .queryParam("limit", 1)
        .get("/v1/ops/reconcile-runs")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(id.toString()))
        .body("items[0].outcome", equalTo("RUNNING"))
        .body("items[0].finishedAt", nullValue());
  }

  private String insertRun(OffsetDateTime startedAt, String mode, int n) {
    UUID id = UUID.randomUUID();
    pool.preparedQuery(
            "INSERT INTO reconcile_runs (id, started_at, finished_at, mode, outcome, missing,"
                + " orphans, repairs_enqueued, frozen_skipped)"
                + " VALUES ($1, $2, $3, $4, 'SUCCEEDED', $5, 7, 5, 3)")
        .execute(Tuple.of(id, startedAt, startedAt.plusSeconds(3), mode, n))
        .await()
        .atMost(Duration.ofSeconds(10));
    return id.toString();
  }
}
