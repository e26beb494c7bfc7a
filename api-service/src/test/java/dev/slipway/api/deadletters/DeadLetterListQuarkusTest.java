package dev.slipway.api.deadletters;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Listing dead letters (a peek), purging them, and who may use /v1/ops at all. */
@QuarkusTest
class DeadLetterListQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  private OpsFixture fixture() {
    return new OpsFixture(db, sqs, config.queueUrl());
  }

  @Test
  void deadLettersAreListedWithTheirReasonsPagedAndLeftInTheQueue() {
    String[] a = OpsFixture.tenant("dla");
    String[] b = OpsFixture.tenant("dlb");
    fixture()
        .deadLetter(Map.of(a[0], "apply Deployment: 503 from the API server", b[0], "boom"), 1);

    String both = "/v1/ops/dead-letters?tenant=" + a[1] + "&tenant=" + b[0];
    var first = OpsFixture.listing(both + "&limit=1");
    assertEquals(1, first.getList("items").size());
    String cursor = first.getString("nextCursor");
    assertNotNull(cursor);
    var second = OpsFixture.listing(both + "&limit=1&cursor=" + cursor);
    assertEquals(1, second.getList("items").size());
    assertNull(second.getString("nextCursor"));
    assertFalse(first.getBoolean("scanLimitReached"), "the DLQ holds fewer than max-scan");
    assertTrue(first.getInt("scanned") >= 2, "both letters were scanned");
    // Oldest first: a was created (and its command sent) first.
    assertEquals(a[0], first.getString("items[0].tenantId"));
    assertEquals(b[0], second.getString("items[0].tenantId"));

    var item = OpsFixture.listing("/v1/ops/dead-letters?tenant=" + a[1]);
    assertEquals("CREATE", item.getString("items[0].type"));
    assertEquals(a[1], item.getString("items[0].slug"));
    assertEquals(1, item.getLong("items[0].generation"));
    assertEquals(
        "apply Deployment: 503 from the API server", item.getString("items[0].failureReason"));
    assertEquals("RUNNING", item.getString("items[0].operationStatus"));
    assertNotNull(item.getString("items[0].operationId"));
    assertTrue(item.getInt("items[0].receiveCount") >= 5);
    assertNotNull(item.getString("items[0].sentAt"));
    assertNotNull(item.getString("items[0].firstReceivedAt"));
    assertTrue(item.getLong("items[0].ageSeconds") >= 0);

    // Filters: no STOP command and nothing a day old among them.
    assertEquals(0, OpsFixture.listing(both + "&type=stop").getList("items").size());
    assertEquals(0, OpsFixture.listing(both + "&minAge=1d").getList("items").size());
    assertEquals(2, OpsFixture.listing(both + "&minAge=0s").getList("items").size());
  }

  @Test
  void purgeNeedsConfirmationAndAReasonThenDeletesOnlyWhatMatches() throws Exception {
    String[] p = OpsFixture.tenant("purge");
    String[] keep = OpsFixture.tenant("keep");
    fixture().deadLetter(Map.of(p[0], "x", keep[0], "y"), 1);

    purge("{\"filter\":{\"tenants\":[\"" + p[1] + "\"]},\"reason\":\"junk\"}")
        .statusCode(422)
        .body("errors[0].field", equalTo("confirm"));
    purge("{\"filter\":{\"tenants\":[\"" + p[1] + "\"]},\"confirm\":true}")
        .statusCode(422)
        .body("errors[0].field", equalTo("reason"));
    purge("{\"filter\":{\"tenants\":[\"no-such-slug-x\"]},\"confirm\":true,\"reason\":\"r\"}")
        .statusCode(422)
        .body("errors[0].field", equalTo("filter.tenants"));
    assertEquals(
        1, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + p[0]).getList("items").size());

    String location =
        purge("{\"filter\":{\"tenants\":[\"" + p[1] + "\"]},\"confirm\":true,\"reason\":\"junk\"}")
            .statusCode(202)
            .extract()
            .header("Location");
    var job = fixture().awaitEnded(location);
    assertEquals("succeeded", job.getString("status"));
    assertEquals(1, job.getInt("done"));
    assertEquals(
        0, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + p[0]).getList("items").size());
    assertEquals(
        1, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + keep[0]).getList("items").size());

    String id = location.substring(location.lastIndexOf('/') + 1);
    List<String> actions =
        fixture()
            .strings(
                "SELECT action || ':' || outcome FROM ops_audit WHERE target = ? ORDER BY id", id);
    assertEquals(List.of("purge:accepted", "purge.finished:succeeded"), actions);
    var audit = OpsFixture.listing("/v1/ops/audit?limit=200");
    assertTrue(audit.getList("items.target").contains(id));
  }

  @Test
  void onlyOpsAndAdminMayUseTheOpsEndpoints() {
    String tenant = TestTokens.tenant(OpsFixture.tenant("auth")[0]);
    RestAssured.given().get("/v1/ops/dead-letters").then().statusCode(401);
    RestAssured.given().get("/v1/ops/audit").then().statusCode(401);
    TestApi.as(tenant).get("/v1/ops/dead-letters").then().statusCode(403);
    TestApi.as(tenant).get("/v1/ops/audit").then().statusCode(403);
    TestApi.as(tenant).get("/v1/ops/jobs/" + java.util.UUID.randomUUID()).then().statusCode(403);
    TestApi.as(tenant)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"r\"}")
        .post("/v1/ops/dead-letters/replay")
        .then()
        .statusCode(403);
    TestApi.as(TestTokens.admin()).get("/v1/ops/audit").then().statusCode(200);
    TestApi.as(TestTokens.ops())
        .get("/v1/ops/jobs/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404);
    TestApi.as(TestTokens.ops()).get("/v1/ops/dead-letters?minAge=soon").then().statusCode(400);
  }

  private static io.restassured.response.ValidatableResponse purge(String body) {
    return TestApi.as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/ops/dead-letters/purge")
        .then();
  }
}
