package dev.slipway.api.deadletters;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.command.CommandCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A replay at 50/s handles what it receives in chunks of 5 (one SendMessageBatch, one ledger
 * statement, one DeleteMessageBatch each), a tenant's messages in their FIFO order. When SQS
 * refuses one entry of a batch ({@link RefusingSqs}), only that message is affected: a refused send
 * is not recorded, stays in the DLQ and counts as failed; a refused delete keeps its recorded
 * replacement, and a re-run only deletes it.
 */
@QuarkusTest
@TestProfile(DeadLetterBatchQuarkusTest.Refusing.class)
class DeadLetterBatchQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  public static class Refusing implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.sqs.interceptors", RefusingSqs.class.getName());
    }
  }

  private OpsFixture fixture() {
    return new OpsFixture(db, sqs, config.queueUrl());
  }

  @AfterEach
  void stopRefusing() {
    System.clearProperty(RefusingSqs.REFUSE_SEND);
    System.clearProperty(RefusingSqs.REFUSE_SECOND_DELETE);
  }

  @Test
  void aSendRefusedInABatchStaysInTheDlqAndCountsAsFailed() throws Exception {
    String[] a = OpsFixture.tenant("bsa");
    String[] b = OpsFixture.tenant("bsb");
    String[] c = OpsFixture.tenant("bsc");
    fixture().deadLetter(Map.of(a[0], "x", b[0], "x", c[0], "x"), 1);
    String body = resend(a, b, c);
    System.setProperty(RefusingSqs.REFUSE_SEND, b[0]);

    String first = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    var job = fixture().awaitEnded(first);
    assertEquals("succeeded", job.getString("status"));
    assertEquals(List.of(3, 2, 1), List.of(job.getInt("total"), job.getInt("done"), failed(job)));
    assertEquals(
        List.of(a[0], c[0]),
        fixture()
            .strings(
                "SELECT tenant_id::text FROM dead_letter_outcomes WHERE job_id = ?::uuid"
                    + " AND outcome = 'REPLAYED' ORDER BY tenant_id = ?::uuid",
                OpsFixture.jobId(first),
                c[0]));
    assertEquals(1, dlq(b), "the refused message stays in the DLQ");
    assertEquals(0, dlq(a) + dlq(c));
    assertEquals(Set.of(a[0], c[0]), commandGroups(Set.of(a[0], b[0], c[0]), 2));

    System.clearProperty(RefusingSqs.REFUSE_SEND);
    String second = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    assertEquals(1, fixture().awaitEnded(second).getInt("done"));
    assertEquals(0, dlq(b));
    assertEquals(Set.of(b[0]), commandGroups(Set.of(a[0], b[0], c[0]), 1));
  }

  @Test
  void aDeleteRefusedInABatchKeepsItsReplacementAndARerunOnlyDeletesIt() throws Exception {
    String[] a = OpsFixture.tenant("bda");
    String[] b = OpsFixture.tenant("bdb");
    String[] c = OpsFixture.tenant("bdc");
    fixture().deadLetter(Map.of(a[0], "x", b[0], "x", c[0], "x"), 1);
    String body = rederive(a, b, c);
    System.setProperty(RefusingSqs.REFUSE_SECOND_DELETE, "true");

    String first = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    var job = fixture().awaitEnded(first);
    // All three replaced (recorded, so done), one DLQ copy left behind (failed).
    assertEquals(List.of(3, 3, 1), List.of(job.getInt("total"), job.getInt("done"), failed(job)));
    assertEquals(1, dlq(a) + dlq(b) + dlq(c));

    System.clearProperty(RefusingSqs.REFUSE_SECOND_DELETE);
    String second = OpsFixture.replay(body).statusCode(202).extract().header("Location");
    var rerun = fixture().awaitEnded(second);
    assertEquals(List.of(1, 0), List.of(rerun.getInt("done"), failed(rerun)));
    assertEquals(
        List.of("ALREADY_REPLAYED"),
        fixture()
            .strings(
                "SELECT outcome FROM dead_letter_outcomes WHERE job_id = ?::uuid",
                OpsFixture.jobId(second)));
    for (String[] t : List.of(a, b, c)) {
      assertEquals(1, fixture().reconciles(t[0]), "one replacement for " + t[1]);
      assertEquals(0, dlq(t));
    }
  }

  @Test
  void aTenantsDeadLettersAreResentInOneBatchInTheirOrder() throws Exception {
    String[] t = OpsFixture.tenant("border");
    TestApi.as(TestTokens.admin()).post("/v1/tenants/" + t[1] + "/stop").then().statusCode(202);
    TestApi.as(TestTokens.admin()).post("/v1/tenants/" + t[1] + "/start").then().statusCode(202);
    fixture().deadLetter(Map.of(t[0], "x"), 3);

    String location = OpsFixture.replay(resend(t)).statusCode(202).extract().header("Location");
    assertEquals(3, fixture().awaitEnded(location).getInt("done"));
    List<Long> generations = new ArrayList<>();
    for (Message m : commands(Set.of(t[0]), 3)) {
      generations.add(CommandCodec.decode(m.body()).generation());
    }
    assertEquals(List.of(1L, 2L, 3L), generations, "create, stop, start: FIFO order kept");
  }

  private static String resend(String[]... tenants) {
    return "{\"filter\":{\"tenants\":"
        + ids(tenants)
        + "},\"mode\":\"resend\",\"ratePerSecond\":50,"
        + "\"reason\":\"batch edge\"}";
  }

  private static String rederive(String[]... tenants) {
    return "{\"filter\":{\"tenants\":"
        + ids(tenants)
        + "},\"ratePerSecond\":50,"
        + "\"reason\":\"batch edge\"}";
  }

  private static String ids(String[]... tenants) {
    return "[\""
        + String.join("\",\"", java.util.Arrays.stream(tenants).map(t -> t[0]).toList())
        + "\"]";
  }

  /** The groups of {@code n} command-queue messages of the given groups (see {@link #commands}). */
  private Set<String> commandGroups(Set<String> groups, int n) {
    Set<String> seen = new HashSet<>();
    commands(groups, n).forEach(m -> seen.add(group(m)));
    return seen;
  }

  /**
   * Receives (and deletes) from the command queue until {@code n} messages of the groups came;
   * returns them in delivery order, asserting no more than {@code n} came.
   */
  private List<Message> commands(Set<String> groups, int n) {
    List<Message> all = new ArrayList<>();
    await()
        .atMost(OpsFixture.WAIT)
        .until(
            () -> {
              for (Message m :
                  sqs.receiveMessage(
                          r ->
                              r.queueUrl(config.queueUrl())
                                  .maxNumberOfMessages(10)
                                  .waitTimeSeconds(1)
                                  .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                      .messages()) {
                sqs.deleteMessage(
                    d -> d.queueUrl(config.queueUrl()).receiptHandle(m.receiptHandle()));
                if (groups.contains(group(m))) {
                  all.add(m);
                }
              }
              return all.size() >= n;
            });
    assertEquals(n, all.size(), "one resend per message");
    return all;
  }

  private static String group(Message m) {
    return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  private static int failed(io.restassured.path.json.JsonPath job) {
    return job.getInt("failed");
  }

  private static int dlq(String[] tenant) {
    return OpsFixture.listing("/v1/ops/dead-letters?tenant=" + tenant[0]).getList("items").size();
  }
}
