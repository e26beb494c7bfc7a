package dev.slipway.api.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A failure records raw Kubernetes text: admins and ops read it, a tenant's own token a generic
 * line naming the operation, on every view it can reach (tenant, operation, operations list, the
 * answer of its own lifecycle actions).
 */
@QuarkusTest
class FailureDetailQuarkusTest {
  static final String RAW =
      "Deployment.apps \"x\" is invalid: admission webhook \"policy.internal.corp\" denied:"
          + " java.net.SocketTimeoutException at 10.0.3.7:443";
  @Inject Pool pool;

  @Test
  void aTenantTokenReadsAGenericErrorAndAdminsAndOpsTheRecordedOne() {
    String slug = TestApi.uniqueSlug("fail");
    JsonPath created =
        TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202).extract().jsonPath();
    UUID tenantId = UUID.fromString(created.getString("tenant.id"));
    String op = created.getString("operation.id");
    failed(tenantId, UUID.fromString(op));
    String tenant = TestTokens.tenant(tenantId.toString());

    for (String detailed : List.of(TestTokens.admin(), TestTokens.ops())) {
      assertEquals(RAW, TestApi.as(detailed).get("/v1/tenants/" + slug).path("lastError"));
      assertEquals(RAW, TestApi.as(detailed).get("/v1/operations/" + op).path("lastError"));
      assertEquals(
          RAW, TestApi.as(detailed).get("/v1/tenants/" + slug).path("conditions[0].message"));
    }

    JsonPath view =
        TestApi.as(tenant).get("/v1/tenants/" + slug).then().statusCode(200).extract().jsonPath();
    assertGeneric(view.getString("lastError"));
    assertEquals("ApplyFailed", view.getString("conditions[0].reason"));
    assertGeneric(view.getString("conditions[0].message"));
    String opError =
        TestApi.as(tenant)
            .get("/v1/operations/" + op)
            .then()
            .statusCode(200)
            .extract()
            .path("lastError");
    assertGeneric(opError);
    assertTrue(opError.contains(op), opError);
    assertGeneric(
        TestApi.as(tenant)
            .get("/v1/tenants/" + slug + "/operations")
            .jsonPath()
            .getString("items[0].lastError"));
    JsonPath stopped =
        TestApi.as(tenant)
            .post("/v1/tenants/" + slug + "/stop")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    assertGeneric(stopped.getString("tenant.lastError"));
    assertGeneric(stopped.getString("tenant.conditions[0].message"));
  }

  private static void assertGeneric(String text) {
    assertTrue(text != null && text.contains("contact your administrator"), text);
    assertFalse(text.contains("webhook") || text.contains("10.0.3.7"), text);
  }

  /** What the worker records for a permanent apply failure (TenantStore, CommandStore). */
  private void failed(UUID tenant, UUID op) {
    pool.preparedQuery(
            "UPDATE tenants SET phase = 'FAILED', last_error = $2, conditions ="
                + " slipway_set_condition(conditions, 'Applied', 'False', 'ApplyFailed', $2)"
                + " WHERE id = $1")
        .execute(Tuple.of(tenant, RAW))
        .await()
        .indefinitely();
    pool.preparedQuery("UPDATE operations SET status = 'FAILED', last_error = $2 WHERE id = $1")
        .execute(Tuple.of(op, RAW))
        .await()
        .indefinitely();
  }
}
