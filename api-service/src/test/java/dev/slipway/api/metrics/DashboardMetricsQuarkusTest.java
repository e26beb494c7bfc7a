package dev.slipway.api.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.http.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every api-service series that deploy/observability's alert rules and dashboards query exists in
 * the real /q/metrics output (deploy/checks' MetricNamesUsageTest keeps this list complete). One
 * tenant creation makes the request and outbox timers appear.
 */
@QuarkusTest
class DashboardMetricsQuarkusTest {
  static final List<String> SERIES =
      List.of(
          "slipway_api_tenants_created_total",
          "slipway_outbox_oldest_pending_age_seconds",
          "slipway_outbox_pending",
          "slipway_outbox_publish_delay_seconds_count",
          "slipway_outbox_publish_delay_seconds_max",
          "slipway_outbox_publish_delay_seconds_sum",
          "slipway_outbox_publish_failures_total",
          "slipway_outbox_publish_latency_seconds_count",
          "slipway_outbox_publish_latency_seconds_max",
          "slipway_outbox_publish_latency_seconds_sum",
          "slipway_outbox_published_total",
          "slipway_tenants",
          "slipway_tenants_lifecycle",
          "slipway_api_tenant_purges_total",
          "slipway_api_rollouts_halted_total",
          "slipway_api_rollout_wave_duration_seconds_bucket",
          "slipway_rollouts",
          "slipway_rollout_tenants",
          "http_server_requests_seconds_count",
          "http_server_requests_seconds_sum",
          "http_server_requests_seconds_max",
          "jvm_memory_used_bytes",
          "process_cpu_usage");

  @Test
  void everySeriesTheDashboardsAndAlertsQueryIsPublished() {
    TestApi.createTenant(TestTokens.admin(), TestApi.uniqueSlug("dash")).then().statusCode(202);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertEquals(List.of(), missing(scrape())));
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
