package dev.slipway.worker.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.Management;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every worker series that deploy/observability's alert rules and dashboards query exists in the
 * real /q/metrics output (deploy/checks' MetricNamesUsageTest keeps this list complete). A
 * provisioning with one injected failure and one unreadable message make the lazily registered
 * meters appear.
 */
@QuarkusTest
class DashboardMetricsQuarkusTest {
  static final List<String> SERIES =
      List.of(
          "slipway_queue_messages",
          "slipway_worker_apply_duration_seconds_bucket",
          "slipway_worker_apply_results_total",
          "slipway_worker_command_duration_seconds_bucket",
          "slipway_worker_command_retries_total",
          "slipway_worker_commands_in_flight",
          "slipway_worker_commands_invalid_total",
          "slipway_worker_commands_processed_total",
          "slipway_worker_commands_received_total",
          "slipway_worker_message_age_seconds_max",
          "slipway_worker_message_oldest_held_age_seconds",
          "slipway_worker_messages_held",
          "slipway_worker_messages_released_total",
          "slipway_worker_poll_errors_total",
          "slipway_worker_status_updates_total",
          "slipway_worker_status_writes_pending",
          "slipway_worker_tenant_ready_latency_seconds_bucket",
          "jvm_memory_used_bytes",
          "process_cpu_usage");

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;

  @Test
  void everySeriesTheDashboardsAndAlertsQueryIsPublished() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("dash");
    // One transient failure, so the retry counter exists too.
    KubeEmulatorTestResource.emulator().faults().failNext("PATCH", "/deployments/" + slug, 500, 1);
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    data.send(data.command(op, OperationType.CREATE, tenant, slug, 1), op.toString());
    String group = UUID.randomUUID().toString();
    data.sendRaw(group, "not a command", group);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertEquals(List.of(), missing(scrape())));
    // The series above may already exist from earlier tests: wait for this tenant's own outcome.
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(data.phase(tenant)));
  }

  private static String scrape() {
    return given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
  }

  private static List<String> missing(String body) {
    return SERIES.stream()
        .filter(s -> !Pattern.compile("(?m)^" + Pattern.quote(s) + "[{ ]").matcher(body).find())
        .toList();
  }
}
