package dev.slipway.api.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.Management;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Replays: dry run, re-derive with its skips, resend; recovery is in DeadLetterRecoveryQuarkusTest.
 */
@QuarkusTest
class DeadLetterReplayQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  private OpsFixture fixture() {
    return new OpsFixture(db, sqs, config.queueUrl());
  }

  @Test
  void dryRunReportsAndChangesNothing() throws Exception {
    String[] t = OpsFixture.tenant("dry");
    fixture().deadLetter(Map.of(t[0], "timeout"), 1);
    long operations = operations(t[0]);
    long outbox = fixture().count("SELECT count(*) FROM outbox WHERE group_id = ?", t[0]);

    var plan =
        OpsFixture.replay(
                "{\"filter\":{\"tenants\":[\"" + t[1] + "\"]},\"dryRun\":true,\"reason\":\"look\"}")
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, plan.getInt("total"));
    assertEquals("rederive", plan.getString("items[0].action"));

    assertEquals(operations, operations(t[0]));
    assertEquals(outbox, fixture().count("SELECT count(*) FROM outbox WHERE group_id = ?", t[0]));
    assertEquals(
        1, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + t[0]).getList("items").size());
    assertEquals(
        1,
        fixture()
            .count(
                "SELECT count(*) FROM ops_audit WHERE outcome = 'dry_run' AND filter::text LIKE ?",
                "%" + t[0] + "%"));
  }

  @Test
  void rederiveReplaysLiveTenantsAndSkipsDeletedAndSupersededOnes() throws Exception {
    String[] live = OpsFixture.tenant("live");
    String[] moved = OpsFixture.tenant("moved");
    String[] gone = OpsFixture.tenant("gone");
    fixture().deadLetter(Map.of(live[0], "a", moved[0], "b", gone[0], "c"), 1);
    TestApi.as(TestTokens.admin()).post("/v1/tenants/" + moved[1] + "/stop").then().statusCode(202);
    TestApi.as(TestTokens.admin()).delete("/v1/tenants/" + gone[1]).then().statusCode(202);
    fixture().update("UPDATE tenants SET phase = 'DELETED' WHERE id = ?::uuid", gone[0]);

    String location =
        OpsFixture.replay(
                "{\"filter\":{\"tenants\":[\""
                    + live[0]
                    + "\",\""
                    + moved[0]
                    + "\",\""
                    + gone[0]
                    + "\"]},\"reason\":\"kube api was down\"}")
            .statusCode(202)
            .extract()
            .header("Location");
    var job = fixture().awaitEnded(location);
    assertEquals("succeeded", job.getString("status"));
    assertEquals(3, job.getInt("total"));
    assertEquals(1, job.getInt("done"));
    assertEquals(2, job.getInt("skipped"));

    assertEquals(1, fixture().reconciles(live[0]));
    assertEquals(
        1,
        fixture()
            .count(
                "SELECT count(*) FROM outbox x JOIN operations o ON o.id = x.operation_id"
                    + " WHERE o.tenant_id = ?::uuid AND o.type = 'RECONCILE'",
                live[0]));
    assertEquals(0, fixture().reconciles(moved[0]) + fixture().reconciles(gone[0]));
    List<String> skips =
        fixture()
            .strings(
                "SELECT detail FROM dead_letter_outcomes WHERE job_id = ?::uuid AND outcome ="
                    + " 'SKIPPED' ORDER BY detail",
                OpsFixture.jobId(location));
    assertTrue(skips.get(0).startsWith("deleted"), skips.toString());
    assertTrue(skips.get(1).startsWith("superseded"), skips.toString());
    // Replayed messages leave the DLQ; skipped ones stay for ops to purge.
    assertEquals(
        0, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + live[0]).getList("items").size());
    assertEquals(
        1, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + moved[0]).getList("items").size());
    String metrics =
        io.restassured.RestAssured.get(Management.url("/q/metrics"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        metrics.contains(
            "slipway_ops_dead_letters_replayed_total{mode=\"rederive\",outcome=\"replayed\"}"),
        "replayed counter");
    assertTrue(
        metrics.contains(
            "slipway_ops_dead_letters_skipped_total{mode=\"rederive\",outcome=\"superseded\"}"),
        "skipped counter");
    assertTrue(metrics.contains("slipway_queue_messages{queue=\"dead-letter\""), "DLQ depth");
    assertEquals(
        List.of("replay:accepted", "replay.finished:succeeded"),
        fixture()
            .strings(
                "SELECT action || ':' || outcome FROM ops_audit WHERE target = ? ORDER BY id",
                OpsFixture.jobId(location)));
  }

  @Test
  void resendPutsTheOriginalBodyBackInItsGroup() throws Exception {
    String[] t = OpsFixture.tenant("resend");
    fixture().deadLetter(Map.of(t[0], "x"), 1);
    String messageId =
        OpsFixture.listing("/v1/ops/dead-letters?tenant=" + t[0]).getString("items[0].messageId");
    String body =
        "{\"filter\":{\"tenants\":[\"" + t[0] + "\"]},\"mode\":\"resend\",\"reason\":\"r\"}";
    String key = java.util.UUID.randomUUID().toString();
    String location = OpsFixture.replay(body, key).statusCode(202).extract().header("Location");
    // A retried request with its key answers the same job and starts nothing new.
    OpsFixture.replay(body, key)
        .statusCode(202)
        .header("Location", org.hamcrest.Matchers.equalTo(location))
        .header("Idempotent-Replayed", "true");
    assertEquals("succeeded", fixture().awaitEnded(location).getString("status"));
    var resent = fixture().receive(t[0]);
    assertEquals(
        fixture().strings("SELECT body FROM outbox WHERE group_id = ?", t[0]).get(0),
        resent.body());
    assertEquals(
        "replay-" + messageId,
        resent
            .attributes()
            .get(
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName
                    .MESSAGE_DEDUPLICATION_ID));
    assertEquals(
        0, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + t[0]).getList("items").size());
  }

  private long operations(String tenant) throws Exception {
    return fixture().count("SELECT count(*) FROM operations WHERE tenant_id = ?::uuid", tenant);
  }
}
