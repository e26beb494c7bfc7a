package dev.slipway.api.rollouts;

import static dev.slipway.api.TestApi.as;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tenants for a rollout test, labelled with a suite label of their own (tests share one database,
 * so each selects only its tenants), and the worker's part: the api-service tests run no worker, so
 * {@link #converge} records what the worker records once the emulator's pods are Ready (or, for a
 * {@code crashloop} image, stay in CrashLoopBackOff). Labels are written with SQL: label validation
 * on create is the fleet work's.
 */
final class RolloutFixture {
  final Pool pool;
  final String suite = "s" + UUID.randomUUID().toString().substring(0, 8);
  final List<String> slugs = new ArrayList<>();

  RolloutFixture(Pool pool) {
    this.pool = pool;
  }

  RolloutFixture tenants(int n) {
    for (int i = 0; i < n; i++) {
      String slug = TestApi.uniqueSlug("ro" + i);
      TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
      slugs.add(slug);
    }
    sql(
        "UPDATE tenants SET labels = jsonb_build_object('suite', $1::text) WHERE slug = ANY($2)",
        suite,
        slugs.toArray(String[]::new));
    converge();
    return this;
  }

  /** The selector of this fixture's tenants, as JSON. */
  String selector() {
    return "{\"plans\":[\"small\"],\"labels\":{\"suite\":\"" + suite + "\"}}";
  }

  static Response post(String body) {
    return as(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/v1/rollouts");
  }

  static JsonPath get(String id) {
    return as(TestTokens.admin())
        .get("/v1/rollouts/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static String status(String id) {
    return get(id).getString("status");
  }

  /**
   * What the worker records for this fixture's tenants: the current generation applied; Running
   * with a ready replica, except tenants on a crashloop image, which stay Degraded with the
   * Deployment's condition.
   */
  void converge() {
    sql(
        "UPDATE tenants SET observed_generation = generation, phase = 'RUNNING',"
            + " ready_replicas = 1, conditions = '[]' WHERE labels @> jsonb_build_object('suite',"
            + " $1::text) AND coalesce(image_version, fleet_image_version, '') NOT LIKE '%crashloop%'"
            + " AND (phase <> 'RUNNING' OR observed_generation < generation)",
        suite);
    sql(
        "UPDATE tenants SET observed_generation = generation, phase = 'DEGRADED',"
            + " ready_replicas = 0, conditions = '[{\"type\":\"Available\",\"status\":\"False\","
            + "\"reason\":\"CrashLoopBackOff\",\"message\":\"back-off restarting failed container\"}]'"
            + " WHERE labels @> jsonb_build_object('suite', $1::text)"
            + " AND coalesce(image_version, fleet_image_version, '') LIKE '%crashloop%'",
        suite);
  }

  long number(String sql, Object... args) {
    return pool.preparedQuery(sql)
        .execute(Tuple.from(args))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  void sql(String sql, Object... args) {
    pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
  }

  /** Sum of the suite's generations: moves with every change of any of its tenants. */
  long generations() {
    return number(
        "SELECT coalesce(sum(generation), 0) FROM tenants WHERE labels @> jsonb_build_object("
            + "'suite', $1::text)",
        suite);
  }

  /** Outbox rows of this fixture's tenants' operations. */
  long outboxRows() {
    return number(
        "SELECT count(*) FROM outbox x JOIN operations o ON o.id = x.operation_id"
            + " JOIN tenants t ON t.id = o.tenant_id"
            + " WHERE t.labels @> jsonb_build_object('suite', $1::text)",
        suite);
  }

  long updates() {
    return number(
        "SELECT count(*) FROM operations o JOIN tenants t ON t.id = o.tenant_id"
            + " WHERE o.type = 'UPDATE' AND t.labels @> jsonb_build_object('suite', $1::text)",
        suite);
  }
}
