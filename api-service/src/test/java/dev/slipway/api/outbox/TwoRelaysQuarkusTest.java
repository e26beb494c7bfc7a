package dev.slipway.api.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.sqs.SqsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Several relays on one outbox (as on several API replicas): each row is sent by exactly one of
 * them, and every tenant's commands still reach the queue in order. Runs in a database of its own
 * (no application relay there) and publishes to a queue of its own.
 */
@QuarkusTest
class TwoRelaysQuarkusTest {
  private IsolatedOutboxDb db;
  private String queueUrl;
  private final SqsClient sqs = SqsTestResource.client();

  @BeforeEach
  void setUp() {
    db = new IsolatedOutboxDb();
    queueUrl =
        SqsTestResource.server()
            .createCommandQueues(
                "relays-" + UUID.randomUUID().toString().substring(0, 8),
                5,
                Duration.ofSeconds(30),
                Duration.ZERO)
            .queueUrl();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aRelayPublishesNeitherRowsAnotherHoldsNorRowsQueuedBehindThem() throws Exception {
    try (Connection w = db.dataSource().getConnection();
        Connection a = db.dataSource().getConnection();
        Connection b = db.dataSource().getConnection()) {
      UUID x = OutboxRows.insertTenant(w);
      UUID y = OutboxRows.insertTenant(w);
      UUID z = OutboxRows.insertTenant(w);
      long x1 = OutboxRows.insertCommand(w, x, 1);
      long y1 = OutboxRows.insertCommand(w, y, 1);
      long x2 = OutboxRows.insertCommand(w, x, 2);
      long y2 = OutboxRows.insertCommand(w, y, 2);
      long z1 = OutboxRows.insertCommand(w, z, 1);
      a.setAutoCommit(false);
      b.setAutoCommit(false);

      RelayRound.Claim first = RelayRound.claim(a, 2);
      assertEquals(List.of(x1, y1), ids(first));
      RelayRound.Claim second = RelayRound.claim(b, 10);
      assertEquals(3, second.claimed(), "skips the locked rows, claims the rest");
      assertEquals(List.of(z1), ids(second), "x2 and y2 wait behind rows another relay holds");

      OutboxStore.markSent(a, List.of(x1, y1));
      a.commit();
      b.rollback();
      assertEquals(List.of(x2, y2, z1), ids(RelayRound.claim(b, 10)));
      b.rollback();
    }
  }

  @Test
  void concurrentRelaysSendEveryRowOnceInOrderPerTenant() throws Exception {
    int tenants = 6;
    int perTenant = 25;
    List<UUID> ids = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      for (int i = 0; i < tenants; i++) {
        ids.add(OutboxRows.insertTenant(c));
      }
    }
    try (RelayPair relays = new RelayPair(db.dataSource(), sqs, queueUrl, 7)) {
      relays.start();
      try (Connection c = db.dataSource().getConnection()) {
        for (int seq = 1; seq <= perTenant; seq++) {
          for (UUID tenant : ids) {
            OutboxRows.insertCommand(c, tenant, seq); // committed while the relays run
          }
        }
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> relays.sentTotal() >= tenants * perTenant || relays.error() != null);
      relays.stop();
      assertNull(relays.error());
      List<Long> all = relays.sentByEither();
      assertEquals(tenants * perTenant, all.size(), "every row sent once");
      assertEquals(tenants * perTenant, new HashSet<>(all).size(), "no row sent twice");
      assertTrue(relays.sentBy(0) > 0 && relays.sentBy(1) > 0, "both relays took part");
    }
    try (Connection c = db.dataSource().getConnection()) {
      assertEquals(0, OutboxRows.count(c, "sent_at IS NULL"));
    }
    Set<String> groups = QueueDrain.groupsOf(ids);
    QueueDrain drain = new QueueDrain(sqs, queueUrl);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> drain.receive(groups) >= tenants * perTenant);
    drain.assertInOrderExactlyOnce(groups, perTenant);
  }

  private static List<Long> ids(RelayRound.Claim claim) {
    return claim.publishable().stream().map(PendingCommand::id).toList();
  }
}
