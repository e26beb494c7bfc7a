package dev.slipway.worker.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.Management;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
    given()
        .get(Management.url("/q/health/live"))
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("poll-loop"));
    given()
        .get(Management.url("/q/health/ready"))
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("command-queue"))
        .body("checks.name", hasItem("kubernetes-api"));
  }

  /** Issue 22: health and metrics only on the management port, which Prometheus alone reaches. */
  @Test
  void healthAndMetricsAreServedOnTheManagementPortOnly() {
    given().get(Management.url("/q/metrics")).then().statusCode(200);
    for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready")) {
      given().get(path).then().statusCode(404);
    }
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
