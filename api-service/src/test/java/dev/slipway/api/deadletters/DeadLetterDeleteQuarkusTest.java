package dev.slipway.api.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A chunk's DLQ delete runs while the job sends the next chunk, and its failures are counted with a
 * later chunk's ledger statement or at the pass's end. Here every DeleteMessageBatch loses its
 * second entry ({@link RefusingSqs}) over several chunks of a resend: each message is sent once and
 * recorded, the ones not deleted stay in the DLQ and are exactly the job's failures, and a re-run
 * only deletes them.
 */
@QuarkusTest
@TestProfile(DeadLetterBatchQuarkusTest.Refusing.class)
class DeadLetterDeleteQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  @AfterEach
  void stopRefusing() {
    System.clearProperty(RefusingSqs.REFUSE_SECOND_DELETE);
  }

  @Test
  void deletesRefusedOverSeveralChunksAreCountedOnceAndNeverResent() throws Exception {
    List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    for (int i = 0; i < 4; i++) {
      tenants.forEach(t -> OpsFixture.deadLetter(sqs, dlqUrl(), t, "del")); // 12, interleaved
    }
    String body =
        "{\"filter\":{\"tenants\":[\""
            + String.join("\",\"", tenants.stream().map(UUID::toString).toList())
            + "\"]},\"mode\":\"resend\",\"ratePerSecond\":50,\"reason\":\"delete edge\"}";
    var fixture = new OpsFixture(db, sqs, config.queueUrl());
    System.setProperty(RefusingSqs.REFUSE_SECOND_DELETE, "true");

    String first = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    var job = fixture.awaitEnded(first);
    int left = dlq(tenants);
    assertEquals("succeeded", job.getString("status"));
    assertEquals(List.of(12, 12), List.of(job.getInt("total"), job.getInt("done")));
    assertTrue(left >= 2, "several chunks, each with one delete refused: " + left);
    assertEquals(left, job.getInt("failed"), "every DLQ copy left behind is a failure, once");
    assertEquals(
        12,
        fixture.count(
            "SELECT count(DISTINCT message_id) FROM dead_letter_outcomes WHERE job_id = ?::uuid"
                + " AND outcome = 'REPLAYED'",
            OpsFixture.jobId(first)));

    System.clearProperty(RefusingSqs.REFUSE_SECOND_DELETE);
    String second = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    var rerun = fixture.awaitEnded(second);
    assertEquals(
        List.of(left, left, 0),
        List.of(rerun.getInt("total"), rerun.getInt("done"), rerun.getInt("failed")));
    assertEquals(
        List.of("ALREADY_REPLAYED"),
        fixture.strings(
            "SELECT DISTINCT outcome FROM dead_letter_outcomes WHERE job_id = ?::uuid",
            OpsFixture.jobId(second)),
        "nothing sent twice");
    assertEquals(0, dlq(tenants));
  }

  private String dlqUrl() {
    return config.ops().dlqUrl().orElseThrow();
  }

  private static int dlq(List<UUID> tenants) {
    int n = 0;
    for (UUID t : tenants) {
      n += OpsFixture.listing("/v1/ops/dead-letters?tenant=" + t).getList("items").size();
    }
    return n;
  }
}
