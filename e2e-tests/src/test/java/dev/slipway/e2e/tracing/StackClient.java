package dev.slipway.e2e.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.e2e.RunningStack;
import dev.slipway.e2e.StackDatabase;
import dev.slipway.local.sqs.ElasticMqServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What the trace tests do to the local stack: through its API, its cluster and its queues. */
final class StackClient {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final RunningStack running;
  private final Map<String, String> env;

  StackClient(RunningStack running) {
    this.running = running;
    this.env = running.env();
  }

  static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** POST /v1/tenants, with the client's trace context when not null; the operation id. */
  String create(String slug, String traceparent) {
    RequestSpecification request = api().contentType(ContentType.JSON);
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return request
        .body("{\"slug\":\"" + slug + "\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(202)
        .extract()
        .path("operation.id");
  }

  void awaitRunning(String slug) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                "RUNNING".equals(api().get("/v1/tenants/" + slug).then().extract().path("phase")));
  }

  /** Scales the tenant's Deployment by hand, in the cluster: drift the reconciler repairs. */
  void scale(String slug, int replicas) {
    String namespace = api().get("/v1/tenants/" + slug).then().extract().path("namespace");
    running.kube().apps().deployments().inNamespace(namespace).withName(slug).scale(replicas);
  }

  /**
   * Puts the operation's command, as the relay published it (its outbox row), into the dead-letter
   * queue, as SQS does after the last failed delivery.
   */
  void deadLetter(String operationId) throws SQLException {
    String group;
    String body;
    try (Connection c = StackDatabase.connect(env);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT group_id, body FROM outbox WHERE operation_id = ?::uuid"
                    + " ORDER BY id LIMIT 1")) {
      s.setString(1, operationId);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "the outbox row of " + operationId);
        group = rs.getString(1);
        body = rs.getString(2);
      }
    }
    try (ElasticMqServer sqs = ElasticMqServer.attach(env.get("SLIPWAY_SQS_ENDPOINT"))) {
      sqs.client()
          .sendMessage(
              b ->
                  b.queueUrl(env.get("SLIPWAY_DLQ_URL"))
                      .messageBody(body)
                      .messageGroupId(group)
                      .messageDeduplicationId(UUID.randomUUID().toString()));
    }
  }

  /** Resends the tenant's dead letters as they are (an ops replay job), and waits for the job. */
  void replay(String slug) {
    String job =
        api()
            .contentType(ContentType.JSON)
            .body(
                "{\"filter\":{\"tenants\":[\"%s\"]},\"mode\":\"resend\",\"reason\":\"trace test\"}"
                    .formatted(slug))
            .post("/v1/ops/dead-letters/replay")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                api()
                    .get("/v1/ops/jobs/" + job)
                    .then()
                    .body("status", equalTo("succeeded"))
                    .body("done", equalTo(1)));
  }

  private RequestSpecification api() {
    return given()
        .baseUri(env.get("SLIPWAY_API_URL"))
        .auth()
        .oauth2(env.get("SLIPWAY_ADMIN_TOKEN"));
  }
}
