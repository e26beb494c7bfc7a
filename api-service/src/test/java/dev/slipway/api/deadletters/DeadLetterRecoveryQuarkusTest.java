package dev.slipway.api.deadletters;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Replays over time: the rate holds, a cancelled replay resumes without loss or duplication, and a
 * job left RUNNING by a dead process is resumed without replacing anything twice.
 */
@QuarkusTest
class DeadLetterRecoveryQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  private OpsFixture fixture() {
    return new OpsFixture(db, sqs, config.queueUrl());
  }

  @Test
  void theRateLimitHolds() throws Exception {
    String[] a = OpsFixture.tenant("rate");
    String[] b = OpsFixture.tenant("rate");
    String[] c = OpsFixture.tenant("rate");
    fixture().deadLetter(Map.of(a[0], "x", b[0], "x", c[0], "x"), 1);
    String location =
        OpsFixture.replay(
                "{\"filter\":{\"tenants\":[\""
                    + a[0]
                    + "\",\""
                    + b[0]
                    + "\",\""
                    + c[0]
                    + "\"]},\"ratePerSecond\":2,\"reason\":\"r\"}")
            .statusCode(202)
            .extract()
            .header("Location");
    assertEquals(3, fixture().awaitEnded(location).getInt("done"));
    List<String> times =
        fixture()
            .strings(
                "SELECT (extract(epoch FROM recorded_at) * 1000)::bigint::text"
                    + " FROM dead_letter_outcomes WHERE job_id = ?::uuid ORDER BY recorded_at",
                OpsFixture.jobId(location));
    // Epoch milliseconds from the database: its text form drops trailing zeros of the fraction.
    Duration spread =
        Duration.ofMillis(Long.parseLong(times.get(2)) - Long.parseLong(times.get(0)));
    // Three messages at 2/s: the third starts at least 1 s after the first.
    assertTrue(spread.toMillis() >= 950, "spread " + spread);
  }

  @Test
  void anInterruptedReplayResumesWithoutLossOrDuplication() throws Exception {
    String[] a = OpsFixture.tenant("int");
    String[] b = OpsFixture.tenant("int");
    String[] c = OpsFixture.tenant("int");
    fixture().deadLetter(Map.of(a[0], "x", b[0], "x", c[0], "x"), 1);
    String body =
        "{\"filter\":{\"tenants\":[\""
            + a[0]
            + "\",\""
            + b[0]
            + "\",\""
            + c[0]
            + "\"]},\"ratePerSecond\":0.25,\"reason\":\"r\"}";
    String first = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    await().atMost(OpsFixture.WAIT).until(() -> OpsFixture.job(first).getInt("done") >= 1);
    TestApi.as(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"stop for now\"}")
        .post(first + "/cancel")
        .then()
        .statusCode(200);
    var stopped = fixture().awaitEnded(first);
    assertEquals("cancelled", stopped.getString("status"));
    assertTrue(stopped.getInt("done") < 3, "cancelled before the end");

    String second =
        OpsFixture.replay(body.replace("0.25", "5")).statusCode(202).extract().header("Location");
    assertEquals("succeeded", fixture().awaitEnded(second).getString("status"));
    for (String[] t : List.of(a, b, c)) {
      assertEquals(1, fixture().reconciles(t[0]), "one replacement for " + t[1]);
    }
    assertEquals(
        3,
        fixture()
            .count(
                "SELECT count(*) FROM dead_letter_outcomes WHERE outcome = 'REPLAYED'"
                    + " AND job_id IN (?::uuid, ?::uuid)",
                OpsFixture.jobId(first),
                OpsFixture.jobId(second)));
    assertEquals(
        1,
        fixture()
            .count(
                "SELECT count(*) FROM ops_audit WHERE action = 'cancel' AND target = ?",
                OpsFixture.jobId(first)));
  }

  @Test
  void aJobLeftRunningByADeadProcessIsResumedAndReplacesNothingTwice() throws Exception {
    String[] t = OpsFixture.tenant("crash");
    fixture().deadLetter(Map.of(t[0], "x"), 1);
    String messageId =
        OpsFixture.listing("/v1/ops/dead-letters?tenant=" + t[0]).getString("items[0].messageId");
    // The dead process committed the replacement, then died before deleting the DLQ copy.
    String job = java.util.UUID.randomUUID().toString();
    // One statement: the sweeper must not see the job before its ledger entry.
    fixture()
        .update(
            "WITH j AS (INSERT INTO ops_jobs (id, action, mode, requested_by, reason, filter,"
                + " max_count, rate_per_second, heartbeat_at) VALUES (?::uuid, 'REPLAY',"
                + " 'REDERIVE', 'ops', 'crash test', ?::jsonb, 10, 5, now() - interval '1 hour')"
                + " RETURNING id) INSERT INTO dead_letter_outcomes (job_id, message_id, outcome,"
                + " tenant_id, operation_id) SELECT j.id, ?, 'REPLAYED', ?::uuid,"
                + " gen_random_uuid() FROM j",
            job,
            "{\"tenantIds\":[\"" + t[0] + "\"],\"types\":[],\"messageIds\":[]}",
            messageId,
            t[0]);

    var resumed = fixture().awaitEnded("/v1/ops/jobs/" + job);
    assertEquals("succeeded", resumed.getString("status"));
    assertEquals(1, resumed.getInt("done"));
    assertEquals(0, fixture().reconciles(t[0]), "the committed replacement is not made again");
    assertEquals(
        0, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + t[0]).getList("items").size());
  }
}
