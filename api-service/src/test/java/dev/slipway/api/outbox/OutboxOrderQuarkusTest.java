package dev.slipway.api.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The application's own relay publishes many interleaved commands of a few tenants in order per
 * tenant and exactly once. Rows are committed in many small transactions (as requests would), with
 * no in-process wake-up: the relay learns of them by NOTIFY or its poll.
 */
@QuarkusTest
class OutboxOrderQuarkusTest {
  private static final int TENANTS = 4;
  private static final int PER_TENANT = 30;

  @Inject DataSource dataSource;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  @Test
  void interleavedCommandsArriveInOrderPerTenantExactlyOnce() throws Exception {
    List<UUID> tenants = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (int i = 0; i < TENANTS; i++) {
        tenants.add(OutboxRows.insertTenant(c));
      }
      for (int seq = 1; seq <= PER_TENANT; seq++) {
        for (UUID tenant : tenants) {
          OutboxRows.insertCommand(c, tenant, seq); // autocommit: one transaction per command
        }
      }
    }
    Set<String> groups = QueueDrain.groupsOf(tenants);
    QueueDrain drain = new QueueDrain(sqs, config.queueUrl());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> drain.receive(groups) >= TENANTS * PER_TENANT);

    drain.assertInOrderExactlyOnce(groups, PER_TENANT);
    assertTrue(Scrape.value("slipway_outbox_published_total") >= TENANTS * PER_TENANT);
    assertTrue(Scrape.value("slipway_outbox_publish_delay_seconds_count") >= TENANTS * PER_TENANT);
    assertTrue(Scrape.value("slipway_outbox_publish_latency_seconds_count") > 0);
    try (Connection c = dataSource.getConnection()) {
      String ours = "group_id IN ('" + String.join("','", groups) + "')";
      assertEquals(TENANTS * PER_TENANT, OutboxRows.count(c, ours + " AND sent_at IS NOT NULL"));
      assertEquals(0, OutboxRows.count(c, ours + " AND sent_at < created_at"));
    }
  }
}
