package dev.slipway.worker.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Liveness of the poll loop and the queue depth gauges, against the real ElasticMQ. */
@QuarkusTest
class WorkerHealthAndMetricsQuarkusTest {
  @Inject MeterRegistry registry;
  @Inject SqsClient sqs;
  @Inject WorkerConfig config;

  @Test
  void pollLoopIsLiveAndQueueAndDatabaseAndKubernetesMakeItReady() {
    given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("poll-loop"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("command-queue"))
        .body("checks.name", hasItem("kubernetes-api"));
  }

  @Test
  void deadLetterDepthFollowsTheDeadLetterQueue() {
    String dlq = config.dlqUrl();
    double before = depth("dead-letter");
    sqs.sendMessage(
        b ->
            b.queueUrl(dlq)
                .messageGroupId("g")
                .messageDeduplicationId(UUID.randomUUID().toString())
                .messageBody("dead"));
    await().atMost(Duration.ofSeconds(10)).until(() -> depth("dead-letter") >= before + 1);
  }

  private double depth(String queue) {
    return registry
        .get(MetricNames.QUEUE_MESSAGES)
        .tag("queue", queue)
        .tag("state", "visible")
        .gauge()
        .value();
  }
}
