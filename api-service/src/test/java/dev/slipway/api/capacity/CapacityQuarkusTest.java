package dev.slipway.api.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** GET /v1/ops/capacity over the real database: started tenants add their plan's pods. */
@QuarkusTest
class CapacityQuarkusTest {

  @Test
  void aStartedLargeTenantAddsItsMinimumReplicasAndRequests() {
    JsonPath before = report();
    TestApi.as(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + TestApi.uniqueSlug("cap") + "\",\"plan\":\"large\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(202);
    JsonPath after = report();
    assertEquals(before.getLong("pods") + 2, after.getLong("pods"));
    assertEquals(
        before.getDouble("requested.cpuCores") + 1.0, after.getDouble("requested.cpuCores"), 1e-6);
    assertEquals(
        before.getLong("requested.memoryBytes") + (2L << 30),
        after.getLong("requested.memoryBytes"));
    assertEquals("t3.small", after.getString("nodes.type"));
    assertEquals(75.0, after.getDouble("monthlyCost.fixed.eks-control-plane"), 1e-9);
  }

  @Test
  void opsAndAdminOnly() {
    TestApi.as(TestTokens.ops()).get("/v1/ops/capacity").then().statusCode(200);
    TestApi.as(TestTokens.tenant(java.util.UUID.randomUUID().toString()))
        .get("/v1/ops/capacity")
        .then()
        .statusCode(403);
  }

  private static JsonPath report() {
    return TestApi.as(TestTokens.ops())
        .get("/v1/ops/capacity")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
