package dev.slipway.api.deadletters;

import static org.awaitility.Awaitility.await;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Dead letters made by real failures: plays a worker that fails every command of the given tenants
 * (records the error on the operation, as the worker does, and hands the message back) until the
 * command queue's redrive policy moves them to the DLQ. Messages of other groups are leftovers of
 * earlier tests (nobody consumes the queue in api-service tests) and are deleted.
 */
final class OpsFixture {
  static final Duration WAIT = Duration.ofSeconds(60);
  private final DataSource db;
  private final SqsClient sqs;
  private final String queueUrl;

  OpsFixture(DataSource db, SqsClient sqs, String queueUrl) {
    this.db = db;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** A new tenant; returns {id, slug}. */
  static String[] tenant(String prefix) {
    String slug = TestApi.uniqueSlug(prefix);
    String id =
        TestApi.createTenant(TestTokens.admin(), slug)
            .then()
            .statusCode(202)
            .extract()
            .path("tenant.id");
    return new String[] {id, slug};
  }

  /** Fails the tenants' commands until {@code perTenant} of each are listed as dead letters. */
  void deadLetter(Map<String, String> reasonByTenant, int perTenant) {
    List<String> query = new ArrayList<>();
    reasonByTenant.keySet().forEach(t -> query.add("tenant=" + t));
    String path = "/v1/ops/dead-letters?limit=200&" + String.join("&", query);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              failRound(reasonByTenant);
              return listing(path).getList("items").size() == perTenant * reasonByTenant.size();
            });
  }

  /**
   * One round of failing. Leftovers of earlier tests come first in the FIFO queue (nobody consumes
   * it in api-service tests, and a suite leaves hundreds): they are deleted in the same round,
   * batch by batch, until a receive brings only these tenants' commands or nothing, so the wait
   * does not grow with the backlog (a round per ten leftovers ran out of time in CI).
   */
  private void failRound(Map<String, String> reasonByTenant) throws Exception {
    for (int batch = 0; batch < 200; batch++) {
      int wait = batch == 0 ? 1 : 0;
      var received =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(queueUrl)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(wait)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      List<DeleteMessageBatchRequestEntry> leftovers = new ArrayList<>();
      for (Message m : received) {
        String reason =
            reasonByTenant.get(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
        if (reason == null) {
          leftovers.add(
              DeleteMessageBatchRequestEntry.builder()
                  .id(Integer.toString(leftovers.size()))
                  .receiptHandle(m.receiptHandle())
                  .build());
        } else {
          fail(m, reason);
        }
      }
      if (leftovers.isEmpty()) {
        return;
      }
      sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(leftovers));
    }
  }

  private void fail(Message m, String reason) throws Exception {
    update(
        "UPDATE operations SET status = 'RUNNING', attempts = attempts + 1, last_error = ?"
            + " WHERE id = ?::uuid",
        reason,
        commandId(m.body()));
    sqs.changeMessageVisibility(
        b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
  }

  /**
   * Puts one RECONCILE command of {@code tenant} straight into the DLQ, its own message group, as
   * the worker's redrive would leave it.
   */
  static void deadLetter(SqsClient sqs, String dlqUrl, UUID tenant, String slugPrefix) {
    String body =
        CommandCodec.encode(
            CommandEnvelope.of(
                UUID.randomUUID(),
                OperationType.RECONCILE,
                tenant,
                slugPrefix + tenant.toString().substring(0, 8),
                1,
                Instant.now(),
                Map.of()));
    sqs.sendMessage(
        s ->
            s.queueUrl(dlqUrl)
                .messageBody(body)
                .messageGroupId(tenant.toString())
                .messageDeduplicationId(UUID.randomUUID().toString()));
  }

  static JsonPath listing(String path) {
    return TestApi.as(TestTokens.ops()).get(path).then().statusCode(200).extract().jsonPath();
  }

  static JsonPath job(String location) {
    return TestApi.as(TestTokens.ops()).get(location).then().statusCode(200).extract().jsonPath();
  }

  /** Waits until the job ended and its runner let go of it (the end is audited last). */
  JsonPath awaitEnded(String location) {
    String id = location.substring(location.lastIndexOf('/') + 1);
    await()
        .atMost(WAIT)
        .until(
            () ->
                count(
                        "SELECT count(*) FROM ops_audit WHERE target = ? AND action LIKE '%.finished'",
                        id)
                    > 0);
    return job(location);
  }

  private static String commandId(String body) {
    return JsonPath.from(body).getString("commandId");
  }

  /** POSTs to the replay endpoint as ops; {@code key} is an Idempotency-Key, or null for none. */
  static ValidatableResponse replay(String body, String key) {
    var request = TestApi.as(TestTokens.ops()).contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/v1/ops/dead-letters/replay").then();
  }

  static ValidatableResponse replay(String body) {
    return replay(body, null);
  }

  /** The job id at the end of a job's Location. */
  static String jobId(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** RECONCILE operations of a tenant: the replacements a rederive replay made. */
  long reconciles(String tenant) throws Exception {
    return count(
        "SELECT count(*) FROM operations WHERE tenant_id = ?::uuid AND type = 'RECONCILE'", tenant);
  }

  long count(String sql, Object... args) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  List<String> strings(String sql, Object... args) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  void update(String sql, Object... args) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = prepare(c, sql, args)) {
      s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws Exception {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }

  /** The next command-queue message of a group (others are deleted as leftovers). */
  Message receive(String group) {
    java.util.concurrent.atomic.AtomicReference<Message> found =
        new java.util.concurrent.atomic.AtomicReference<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              for (Message m :
                  sqs.receiveMessage(
                          b ->
                              b.queueUrl(queueUrl)
                                  .maxNumberOfMessages(10)
                                  .waitTimeSeconds(1)
                                  .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                      .messages()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                if (group.equals(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))) {
                  found.set(m);
                }
              }
              return found.get() != null;
            });
    return found.get();
  }
}
