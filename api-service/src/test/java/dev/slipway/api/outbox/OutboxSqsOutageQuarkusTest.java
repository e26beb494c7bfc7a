package dev.slipway.api.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.local.sqs.ElasticMqServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS down: the API keeps accepting writes, the relay fails and backs off with the rows kept, and
 * publishes them once SQS is back.
 *
 * <p>The outage is real, not mocked: the application's relay is pointed (through {@link
 * SqsPublisher#retarget}) at a second ElasticMQ that this test starts and stops, so the relay gets
 * connection refused; then an ElasticMQ is started again on the same port with the same queue.
 */
@QuarkusTest
class OutboxSqsOutageQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject OutboxRelay relay;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;
  @Inject DataSource dataSource;

  @Test
  void writesAreAcceptedWhileSqsIsDownAndPublishedWhenItReturns() throws Exception {
    String base = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    ElasticMqServer outage = ElasticMqServer.start(0);
    int port = outage.port();
    String queueUrl = queueOn(outage, base);
    ElasticMqServer back = null;
    try (SqsClient client = outage.newClient()) {
      outage.close(); // SQS down
      relay.publisher().retarget(client, queueUrl);

      String first = createTenant();
      await().atMost(WAIT).until(() -> attempts(first) >= 2); // tried, failed, tried again
      String second = createTenant(); // still accepted while the relay backs off
      assertEquals(0, sentCount(first, second));
      // The backlog shows where alerts look for it.
      await().atMost(WAIT).until(() -> Scrape.value("slipway_outbox_pending") >= 2);
      await()
          .atMost(WAIT)
          .until(() -> Scrape.value("slipway_outbox_oldest_pending_age_seconds") > 0);

      back = ElasticMqServer.start(port); // SQS back, same endpoint and queue
      assertEquals(queueUrl, queueOn(back, base));
      QueueDrain drain = new QueueDrain(client, queueUrl);
      await().atMost(WAIT).until(() -> drain.receive(Set.of(first, second)) == 2);
      assertEquals(2, sentCount(first, second));
    } finally {
      relay.publisher().retarget(sqs, config.queueUrl());
      if (back != null) {
        back.close();
      }
    }
  }

  private static String queueOn(ElasticMqServer server, String base) {
    return server.createCommandQueues(base, 5, Duration.ofSeconds(30), Duration.ZERO).queueUrl();
  }

  /** POST /v1/tenants; returns the new tenant's id (its message group). */
  private static String createTenant() {
    return TestApi.createTenant(TestTokens.admin(), TestApi.uniqueSlug("outage"))
        .then()
        .statusCode(202)
        .extract()
        .path("tenant.id");
  }

  private long attempts(String group) throws Exception {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT attempts FROM outbox WHERE group_id = ?")) {
      s.setString(1, group);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long sentCount(String first, String second) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      return OutboxRows.count(
          c, "group_id IN ('" + first + "','" + second + "') AND sent_at IS NOT NULL");
    }
  }
}
