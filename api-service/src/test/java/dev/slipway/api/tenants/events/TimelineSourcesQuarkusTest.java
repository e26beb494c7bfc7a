package dev.slipway.api.tenants.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dead-letter outcomes and rollout steps reach the timeline (written here as their jobs write
 * them), and a tenant with 10,000 operations still reads a page through the indexes: the plan reads
 * about a page from each source, never the tenant's whole history.
 */
@QuarkusTest
class TimelineSourcesQuarkusTest {
  static final int HISTORY = 10_000;
  static final int PAGE = 20;
  static final java.util.Set<String> SOURCES =
      java.util.Set.of("operations", "ops_audit", "dead_letter_outcomes", "rollout_tenants");

  @Inject Pool pool;

  @Test
  void deadLettersAndRolloutStepsAreEventsAndAPageReadsAboutAPagePerSource() throws Exception {
    String slug = TestApi.uniqueSlug("hist");
    UUID tenant =
        UUID.fromString(
            TestApi.createTenant(TestTokens.admin(), slug)
                .then()
                .statusCode(202)
                .extract()
                .path("tenant.id"));
    sql(
        "INSERT INTO operations (id, tenant_id, type, status, generation, attempts, queued_at,"
            + " finished_at) SELECT gen_random_uuid(), $1, 'UPDATE', 'SUCCEEDED', 1, 1,"
            + " now() - interval '1 hour' - make_interval(secs => i),"
            + " now() - interval '1 hour' - make_interval(secs => i)"
            + " FROM generate_series(1, $2) i",
        Tuple.of(tenant, HISTORY));
    UUID job = UUID.randomUUID();
    sql(
        "INSERT INTO ops_jobs (id, action, mode, requested_by, reason, filter, max_count)"
            + " VALUES ($1, 'REPLAY', 'REDERIVE', 'carol', 'after the outage', '{}', 10)",
        Tuple.of(job));
    sql(
        "INSERT INTO dead_letter_outcomes (job_id, message_id, outcome, tenant_id, detail,"
            + " recorded_at) VALUES ($1, 'm-1', 'REPLAYED', $2, 'rederived', now() + interval '1s')",
        Tuple.of(job, tenant));
    UUID rollout = UUID.randomUUID();
    sql(
        "INSERT INTO rollouts (id, kind, target, selector, strategy, reason, requested_by, status)"
            + " VALUES ($1, 'ROLLOUT', '{}', '{}', '{}', 'gateway 2.1', 'dave', 'SUCCEEDED')",
        Tuple.of(rollout));
    sql(
        "INSERT INTO rollout_tenants (rollout_id, tenant_id, wave, before, state, changed_at,"
            + " settled_at, active) VALUES ($1, $2, 0, '{}', 'READY', now() + interval '2s',"
            + " now() + interval '3s', false)",
        Tuple.of(rollout, tenant));
    sql("ANALYZE operations", Tuple.tuple());

    List<Map<String, Object>> items =
        TestApi.as(TestTokens.ops())
            .get("/v1/tenants/" + slug + "/events?limit=4")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    assertEquals(
        List.of(
            "rollout rollout.settled READY dave",
            "rollout rollout.changed READY dave",
            "dead-letter replay REPLAYED carol",
            "write create null test-user"),
        items.stream()
            .map(
                e ->
                    e.get("kind")
                        + " "
                        + e.get("action")
                        + " "
                        + e.get("status")
                        + " "
                        + e.get("actor"))
            .toList());
    assertEquals(rollout.toString(), items.get(0).get("rolloutId"));

    JsonNode plan = explain(tenant, slug);
    List<JsonNode> scans = new ArrayList<>();
    collect(plan, scans);
    for (JsonNode scan : scans) {
      boolean operations = scan.path("Relation Name").asText().equals("operations");
      assertTrue(
          !operations || !scan.path("Node Type").asText().equals("Seq Scan"),
          "sequential scan: " + scan);
      assertTrue(
          // About a page: the sort of rows with equal times reads one row ahead; without the
          // index it would be the tenant's whole history (10,000).
          scan.path("Actual Rows").asLong() <= 2 * (PAGE + 1),
          "a page read " + scan.path("Actual Rows") + " rows of " + scan.path("Relation Name"));
    }
    assertTrue(
        scans.stream().anyMatch(s -> s.path("Relation Name").asText().equals("operations")),
        plan.toString());
  }

  private JsonNode explain(UUID tenant, String slug) throws Exception {
    OffsetDateTime created =
        pool.preparedQuery("SELECT created_at FROM tenants WHERE id = $1")
            .execute(Tuple.of(tenant))
            .await()
            .indefinitely()
            .iterator()
            .next()
            .getOffsetDateTime("created_at");
    String text =
        pool.preparedQuery(
                "EXPLAIN (ANALYZE, FORMAT JSON) "
                    + TimelineSql.forKinds(EnumSet.allOf(EventKind.class)))
            .execute(
                Tuple.from(
                    new Object[] {
                      tenant, slug, created, EventQuery.TOP, "~", null, null, PAGE + 1
                    }))
            .await()
            .indefinitely()
            .iterator()
            .next()
            .getValue(0)
            .toString();
    return new ObjectMapper().readTree(text).get(0).get("Plan");
  }

  /**
   * Every node that reads a table keyed by tenant (the joined job and rollout rows, and the tenants
   * look-up of the audit window, are one row each).
   */
  private static void collect(JsonNode node, List<JsonNode> scans) {
    if (SOURCES.contains(node.path("Relation Name").asText())) {
      scans.add(node);
    }
    node.path("Plans").forEach(child -> collect(child, scans));
  }

  private void sql(String statement, Tuple args) {
    pool.preparedQuery(statement).execute(args).await().indefinitely();
  }
}
