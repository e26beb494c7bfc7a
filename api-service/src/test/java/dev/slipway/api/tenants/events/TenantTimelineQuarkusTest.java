package dev.slipway.api.tenants.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.common.model.OperationType;
import dev.slipway.shared.outbox.NewCommand;
import dev.slipway.shared.outbox.OutboxWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The acceptance story of issue 24's timeline: a tenant created by an admin, stopped by its own
 * token, drift-repaired by the reconciler and deleted by the admin lists those events newest first,
 * each with its actor; pages and filters cut the same list; the tenant's own token reads it without
 * internal detail.
 */
@QuarkusTest
class TenantTimelineQuarkusTest {
  static final String ALICE = "alice@example.com";
  static final String RAW =
      "Deployment.apps \"x\" is invalid: admission webhook \"policy.internal.corp\" denied";

  @Inject Pool pool;

  @Test
  void createdStoppedRepairedDeletedInOrderEachWithItsActor() {
    Story s = story();
    List<Map<String, Object>> all = items(TestTokens.admin(), s.slug, "");
    assertEquals(
        List.of(
            "lifecycle delete " + ALICE,
            "operation soft-delete " + ALICE,
            "repair reconcile slipway",
            "write stop " + s.tenantSubject,
            "operation stop " + s.tenantSubject,
            "write create " + ALICE,
            "operation create " + ALICE),
        all.stream()
            .map(e -> e.get("kind") + " " + e.get("action") + " " + e.get("actor"))
            .toList());
    Map<String, Object> repair = all.get(2);
    assertEquals("SUCCEEDED", repair.get("status"));
    assertEquals(1, repair.get("attempts"));
    assertEquals(s.repair.toString(), repair.get("operationId"));
    assertEquals(RAW, all.get(6).get("detail"));
    assertEquals("FAILED", all.get(6).get("status"));
    // Ops read the same timeline.
    assertEquals(all, items(TestTokens.ops(), s.slug, ""));
  }

  @Test
  void pagesAndFiltersCutTheSameList() {
    Story s = story();
    List<Map<String, Object>> all = items(TestTokens.admin(), s.slug, "");
    List<Map<String, Object>> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonPath page =
          TestApi.as(TestTokens.admin())
              .queryParam("limit", 2)
              .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
              .get("/v1/tenants/" + s.slug + "/events")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      paged.addAll(page.getList("items"));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertEquals(all, paged);
    assertEquals(4, pages);

    assertEquals(
        List.of("lifecycle", "repair"),
        kinds(items(TestTokens.admin(), s.slug, "?kind=lifecycle&kind=REPAIR")));
    assertEquals(
        List.of("write", "write"), kinds(items(TestTokens.admin(), s.slug, "?kind=write")));
    assertEquals(
        List.of("operation", "operation", "operation"),
        kinds(items(TestTokens.admin(), s.slug, "?kind=operation")));
    assertEquals(4, items(TestTokens.admin(), s.slug, "?kind=write,lifecycle,repair").size());

    String repairAt = encoded(all.get(2).get("at"));
    assertEquals(all.subList(0, 3), items(TestTokens.admin(), s.slug, "?since=" + repairAt));
    assertEquals(all.subList(3, 7), items(TestTokens.admin(), s.slug, "?until=" + repairAt));
    assertEquals(
        all.subList(2, 3),
        items(
            TestTokens.admin(),
            s.slug,
            "?since=" + repairAt + "&until=" + encoded(all.get(1).get("at")) + "&kind=repair"));
  }

  @Test
  void theTenantsOwnTokenReadsWhoAsOnlyYouOperatorOrSlipwayAndNoDetail() {
    Story s = story();
    String body =
        TestApi.as(s.tenantToken)
            .get("/v1/tenants/" + s.slug + "/events")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<Map<String, Object>> items = JsonPath.from(body).getList("items");
    assertEquals(
        List.of("operator", "operator", "slipway", "you", "you", "operator", "operator"),
        items.stream().map(e -> e.get("actor")).toList());
    for (String internal : List.of(ALICE, s.tenantSubject, "webhook", "queued operation")) {
      assertFalse(body.contains(internal), internal + " in " + body);
    }
    String generic = (String) items.get(6).get("detail");
    assertTrue(generic.contains("contact your administrator"), generic);

    String other = TestTokens.tenant(UUID.randomUUID().toString());
    TestApi.as(other).get("/v1/tenants/" + s.slug + "/events").then().statusCode(404);
  }

  @Test
  void aPurgedTenantsTimelineIsForAdminsAndOpsOnly() {
    Story s = story();
    TestApi.as(TestTokens.withSubject(ALICE, "admin"))
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", s.slug))
        .post("/v1/tenants/" + s.slug + "/purge")
        .then()
        .statusCode(202);
    List<Map<String, Object>> events = items(TestTokens.ops(), s.slug, "?kind=lifecycle");
    assertEquals("purge", events.get(0).get("action"));
    TestApi.as(s.tenantToken).get("/v1/tenants/" + s.slug + "/events").then().statusCode(404);
  }

  /** A tenant taken through create (failed once), stop, a reconciler repair and delete. */
  private Story story() {
    String slug = TestApi.uniqueSlug("tl");
    String alice = TestTokens.withSubject(ALICE, "admin");
    JsonPath created =
        TestApi.createTenant(alice, slug).then().statusCode(202).extract().jsonPath();
    UUID id = UUID.fromString(created.getString("tenant.id"));
    sql(
        "UPDATE operations SET status = 'FAILED', attempts = 3, finished_at = now(),"
            + " last_error = $2 WHERE id = $1",
        Tuple.of(UUID.fromString(created.getString("operation.id")), RAW));
    String tenantToken = TestTokens.tenant(id.toString());
    TestApi.as(tenantToken).post("/v1/tenants/" + slug + "/stop").then().statusCode(202);
    UUID repair = repair(id, slug);
    TestApi.as(alice).delete("/v1/tenants/" + slug).then().statusCode(202);
    return new Story(slug, tenantToken, "tenant-client-" + id, repair);
  }

  record Story(String slug, String tenantToken, String tenantSubject, UUID repair) {}

  /**
   * A drift repair as the reconciler queues it (RepairStore: a RECONCILE through the outbox, no
   * requester), then carried out as the worker records it.
   */
  private UUID repair(UUID tenant, String slug) {
    NewCommand command = NewCommand.of(tenant, slug, OperationType.RECONCILE, 2);
    pool.withTransaction(tx -> OutboxWriter.insert(tx, List.of(command), "id"))
        .await()
        .indefinitely();
    sql(
        "UPDATE operations SET status = 'SUCCEEDED', attempts = 1, started_at = now(),"
            + " finished_at = now() WHERE id = $1",
        Tuple.of(command.operationId()));
    return command.operationId();
  }

  private void sql(String statement, Tuple args) {
    pool.preparedQuery(statement).execute(args).await().indefinitely();
  }

  private static List<Map<String, Object>> items(String token, String slug, String query) {
    return TestApi.as(token)
        .urlEncodingEnabled(false)
        .get("/v1/tenants/" + slug + "/events" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static String encoded(Object time) {
    return java.net.URLEncoder.encode((String) time, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<Object> kinds(List<Map<String, Object>> events) {
    return events.stream().map(e -> e.get("kind")).toList();
  }
}
