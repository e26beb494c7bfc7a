package dev.slipway.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every tenant write is attributed: its operation records the issuer and subject of the token that
 * asked (operation view, tenant operations list), and the write is in the audit trail next to the
 * ops actions. Operations from before migration V10 show an unknown requester.
 */
@QuarkusTest
class TenantWriteAuditQuarkusTest {
  static final String ISSUER = "https://slipway.dev"; // src/test/resources: mp.jwt.verify.issuer
  @Inject Pool pool;

  @Test
  void everyTenantWriteRecordsWhoAskedOnItsOperationAndInTheAuditTrail() {
    String admin = TestTokens.withSubject("alice@example.com", "admin");
    String slug = TestApi.uniqueSlug("who");
    JsonPath created =
        TestApi.createTenant(admin, slug).then().statusCode(202).extract().jsonPath();
    String tenantId = created.getString("tenant.id");
    String createOp = created.getString("operation.id");
    assertEquals("alice@example.com", created.getString("operation.requestedBy.subject"));

    String tenant = TestTokens.tenant(tenantId);
    String stopOp = write(TestApi.as(tenant).post("/v1/tenants/" + slug + "/stop"));
    String startOp = write(TestApi.as(tenant).post("/v1/tenants/" + slug + "/start"));
    String rotateOp = write(TestApi.as(tenant).post("/v1/tenants/" + slug + "/rotate-token"));
    String updateOp =
        write(
            TestApi.as(admin)
                .contentType(ContentType.JSON)
                .body("{\"imageVersion\":\"9.9.9\"}")
                .patch("/v1/tenants/" + slug));
    String deleteOp = write(TestApi.as(admin).delete("/v1/tenants/" + slug));

    JsonPath op = TestApi.as(TestTokens.ops()).get("/v1/operations/" + stopOp).jsonPath();
    assertEquals(ISSUER, op.getString("requestedBy.issuer"));
    assertEquals("tenant-client-" + tenantId, op.getString("requestedBy.subject"));
    JsonPath listed =
        TestApi.as(tenant).get("/v1/tenants/" + slug + "/operations?limit=10").jsonPath();
    assertEquals(
        List.of(
            "alice@example.com",
            "alice@example.com",
            "tenant-client-" + tenantId,
            "tenant-client-" + tenantId,
            "tenant-client-" + tenantId,
            "alice@example.com"),
        listed.getList("items.requestedBy.subject"));

    Map<String, List<String>> expected =
        Map.of(
            "tenant.create", List.of("alice@example.com", createOp),
            "tenant.stop", List.of("tenant-client-" + tenantId, stopOp),
            "tenant.start", List.of("tenant-client-" + tenantId, startOp),
            "tenant.rotate-token", List.of("tenant-client-" + tenantId, rotateOp),
            "tenant.update", List.of("alice@example.com", updateOp),
            "tenant.delete", List.of("alice@example.com", deleteOp));
    List<Map<String, Object>> records =
        TestApi.as(TestTokens.ops())
            .get("/v1/ops/audit?limit=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.findAll { it.target == '" + slug + "' }");
    assertEquals(expected.size(), records.size(), records.toString());
    for (Map<String, Object> r : records) {
      List<String> want = expected.get((String) r.get("action"));
      assertEquals(want.get(0), r.get("actor"), r.toString());
      assertEquals(ISSUER, r.get("issuer"), r.toString());
      assertEquals("queued operation " + want.get(1), r.get("outcome"), r.toString());
      assertNull(r.get("reason"));
    }
  }

  @Test
  void aWriteThatChangesNothingIsNotAudited() {
    String slug = TestApi.uniqueSlug("noop");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    TestApi.as(TestTokens.admin()).post("/v1/tenants/" + slug + "/start").then().statusCode(200);
    List<Object> actions =
        TestApi.as(TestTokens.ops())
            .get("/v1/ops/audit?limit=200")
            .jsonPath()
            .getList("items.findAll { it.target == '" + slug + "' }.action");
    assertEquals(List.of("tenant.create"), actions);
  }

  @Test
  void anOperationFromBeforeTheRequesterWasRecordedShowsItAsUnknown() {
    String slug = TestApi.uniqueSlug("old");
    JsonPath created =
        TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202).extract().jsonPath();
    UUID op = UUID.fromString(created.getString("operation.id"));
    pool.preparedQuery(
            "UPDATE operations SET requested_by_issuer = NULL, requested_by_subject = NULL"
                + " WHERE id = $1")
        .execute(Tuple.of(op))
        .await()
        .indefinitely();
    TestApi.as(TestTokens.admin())
        .get("/v1/operations/" + op)
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.equalTo(op.toString()))
        .body("$", org.hamcrest.Matchers.hasKey("requestedBy"))
        .body("requestedBy", org.hamcrest.Matchers.nullValue());
  }

  private static String write(io.restassured.response.Response response) {
    return response.then().statusCode(202).extract().path("operation.id");
  }
}
