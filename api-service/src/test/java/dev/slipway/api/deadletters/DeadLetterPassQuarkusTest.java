package dev.slipway.api.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A job makes one pass over the DLQ: no count scan first, its total is the matches it found, and a
 * drained DLQ ends it without a long poll. The long-poll wait is raised to SQS's 20 s maximum here,
 * so a job that still waited for an empty long poll (at the end of a count scan or of its pass)
 * would take over 20 s. {@code max-scan} is lowered to 100: it bounds what a pass holds unhandled,
 * not what a job may handle.
 */
@QuarkusTest
@TestProfile(DeadLetterPassQuarkusTest.LongPolls.class)
class DeadLetterPassQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  public static class LongPolls implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("slipway.api.ops.receive-wait", "20s", "slipway.api.ops.max-scan", "100");
    }
  }

  @Test
  void aJobCountsItsTotalInOnePassAndEndsWithoutALongPoll() throws Exception {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<UUID> groups = List.of(a, other, b, a, b, a);
    for (UUID tenant : groups) {
      OpsFixture.deadLetter(sqs, config.ops().dlqUrl().orElseThrow(), tenant, "pass");
    }

    String location =
        OpsFixture.replay(
                "{\"filter\":{\"tenants\":[\""
                    + a
                    + "\",\""
                    + b
                    + "\"]},\"mode\":\"resend\",\"ratePerSecond\":50,\"reason\":\"one pass\"}")
            .statusCode(202)
            .extract()
            .header("Location");
    var fixture = new OpsFixture(db, sqs, config.queueUrl());
    var job = fixture.awaitEnded(location);
    assertEquals("succeeded", job.getString("status"));
    assertEquals(List.of(5, 5), List.of(job.getInt("total"), job.getInt("done")));
    double seconds =
        Double.parseDouble(
            fixture
                .strings(
                    "SELECT extract(epoch FROM finished_at - created_at)::text FROM ops_jobs"
                        + " WHERE id = ?::uuid",
                    OpsFixture.jobId(location))
                .get(0));
    assertTrue(seconds < 10, "ended after " + seconds + " s: a 20 s long poll ran");
    List<String> left = dlqGroups();
    assertTrue(left.contains(other.toString()), "the other tenant's letter released: " + left);
    assertTrue(!left.contains(a.toString()) && !left.contains(b.toString()), left.toString());
  }

  @Test
  void aListingAndADryRunSayWhenTheScanStoppedAtMaxScanAndAJobGoesOnPastIt() {
    List<UUID> tenants = new ArrayList<>();
    for (int t = 0; t < 15; t++) {
      UUID tenant = UUID.randomUUID();
      tenants.add(tenant);
      for (int i = 0; i < 10; i++) {
        OpsFixture.deadLetter(sqs, config.ops().dlqUrl().orElseThrow(), tenant, "scan");
      }
    }
    String filter =
        "[\"" + String.join("\",\"", tenants.stream().map(UUID::toString).toList()) + "\"]";
    var listed = OpsFixture.listing("/v1/ops/dead-letters?tenant=" + tenants.get(0));
    assertEquals(
        List.of(100, true),
        List.of(listed.getInt("scanned"), listed.getBoolean("scanLimitReached")));
    String replay =
        "{\"filter\":{\"tenants\":"
            + filter
            + "},\"mode\":\"resend\",\"ratePerSecond\":50,\"maxCount\":200,"
            + "\"reason\":\"more than max-scan\"";
    var dryRun =
        OpsFixture.replay(replay + ",\"dryRun\":true}").statusCode(200).extract().jsonPath();
    assertTrue(dryRun.getBoolean("scanLimitReached"));
    assertTrue(dryRun.getInt("total") <= 100, "planned from the first 100 scanned only");

    String location = OpsFixture.replay(replay + "}").statusCode(202).extract().header("Location");
    var job = new OpsFixture(db, sqs, config.queueUrl()).awaitEnded(location);
    // Counting every message seen against max-scan ended this job after about 100 of them.
    assertEquals(
        List.of("succeeded", 150, 150),
        List.of(job.getString("status"), job.getInt("total"), job.getInt("done")));
    List<String> left = dlqGroups();
    tenants.forEach(t -> assertTrue(!left.contains(t.toString()), "left in the DLQ: " + t));
  }

  /** The groups of everything in the DLQ now (other tests' letters too), released again. */
  private List<String> dlqGroups() {
    String dlq = config.ops().dlqUrl().orElseThrow();
    List<Message> held = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(dlq)
                          .maxNumberOfMessages(10)
                          .visibilityTimeout(10)
                          .waitTimeSeconds(1)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      held.addAll(batch);
    } while (!batch.isEmpty());
    for (Message m : held) {
      sqs.changeMessageVisibility(
          c -> c.queueUrl(dlq).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
    }
    return held.stream()
        .map(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .toList();
  }
}
