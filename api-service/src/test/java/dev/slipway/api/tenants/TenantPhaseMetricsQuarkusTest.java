package dev.slipway.api.tenants;

import static org.awaitility.Awaitility.await;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tenants-per-phase gauges follow the database. */
@QuarkusTest
class TenantPhaseMetricsQuarkusTest {
  @Inject MeterRegistry registry;

  @Test
  void pendingGaugeCountsNewTenants() {
    double before = pending();
    for (int i = 0; i < 2; i++) {
      TestApi.createTenant(TestTokens.admin(), TestApi.uniqueSlug("pm")).then().statusCode(202);
    }
    // Other tests create tenants too (all PENDING: no worker here): at least our two more.
    await().atMost(Duration.ofSeconds(10)).until(() -> pending() >= before + 2);
  }

  private double pending() {
    return registry.get("slipway.tenants").tag("phase", "PENDING").gauge().value();
  }
}
