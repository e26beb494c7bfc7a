package dev.slipway.api.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A DLQ as an outage leaves it: live tenants (rows in the database), each with {@code perTenant}
 * commands that failed at its current generation (operations RUNNING after 5 attempts, with the
 * worker's last error) and whose messages sit in the dead-letter queue, one message group per
 * tenant: the UPDATE that failed, then the RECONCILEs the reconciler issued while the cluster
 * stayed unreachable. Every other tenant is in the replay's filter (a tenant set, as ops would name
 * the tenants of one incident); messages are sent interleaved across tenants, in time order. They
 * go straight to the DLQ with SendMessageBatch; the redrive would put the same body in the same
 * group.
 */
final class DeadLetterFill {
  private static final long GENERATION = 2;
  private final DataSource db;
  private final SqsClient sqs;
  private final String dlqUrl;
  private final String queueUrl;

  /** The tenants the replay names, and how many messages they have. */
  record Filled(Set<String> tenants, int matching) {}

  DeadLetterFill(DataSource db, SqsClient sqs, String dlqUrl, String queueUrl) {
    this.db = db;
    this.sqs = sqs;
    this.dlqUrl = dlqUrl;
    this.queueUrl = queueUrl;
  }

  /** Fills the DLQ with {@code n} dead letters, {@code perTenant} per tenant. */
  Filled fill(int n, int perTenant) throws Exception {
    int tenants = Math.max(1, n / perTenant);
    List<CommandEnvelope> commands = new ArrayList<>();
    Set<String> matching = new HashSet<>();
    List<UUID> ids = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      ids.add(UUID.randomUUID());
      if (t % 2 == 0) {
        matching.add(ids.get(t).toString());
      }
    }
    for (int i = 0; i < n; i++) {
      UUID tenant = ids.get(i % tenants);
      String slug = "rp" + tenant.toString().replace("-", "").substring(0, 20);
      OperationType type = i < tenants ? OperationType.UPDATE : OperationType.RECONCILE;
      commands.add(
          CommandEnvelope.of(
              UUID.randomUUID(), type, tenant, slug, GENERATION, Instant.now(), Map.of()));
    }
    insertRows(commands);
    for (int from = 0; from < n; from += 10) {
      send(commands.subList(from, Math.min(n, from + 10)));
    }
    int matched =
        (int) commands.stream().filter(c -> matching.contains(c.tenantId().toString())).count();
    return new Filled(matching, matched);
  }

  private void insertRows(List<CommandEnvelope> commands) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement t =
            c.prepareStatement(
                "INSERT INTO tenants (id, slug, desired_state, gateway_token, generation,"
                    + " gateway_url, phase, observed_generation) VALUES (?, ?, ?, ?, ?, ?,"
                    + " 'RUNNING', 1)");
        PreparedStatement o =
            c.prepareStatement(
                "INSERT INTO operations (id, tenant_id, type, generation, status, attempts,"
                    + " last_error, started_at) VALUES (?, ?, ?, ?, 'RUNNING', 5,"
                    + " 'kubernetes: 503 Service Unavailable', now())")) {
      c.setAutoCommit(false);
      for (CommandEnvelope e : commands) {
        if (e.type() == OperationType.UPDATE) {
          tenant(t, e);
        }
        o.setObject(1, e.commandId());
        o.setObject(2, e.tenantId());
        o.setString(3, e.type().name());
        o.setLong(4, GENERATION);
        o.addBatch();
      }
      t.executeBatch();
      o.executeBatch();
      c.commit();
    }
  }

  private static void tenant(PreparedStatement t, CommandEnvelope e) throws Exception {
    t.setObject(1, e.tenantId());
    t.setString(2, e.slug());
    t.setString(3, "RUNNING");
    t.setString(4, UUID.randomUUID().toString());
    t.setLong(5, GENERATION);
    t.setString(6, "wss://" + e.slug() + ".slipway.localhost");
    t.addBatch();
  }

  private void send(List<CommandEnvelope> batch) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      CommandEnvelope e = batch.get(i);
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(CommandCodec.encode(e))
              .messageGroupId(e.tenantId().toString())
              .messageDeduplicationId(e.commandId().toString())
              .build());
    }
    var response = sqs.sendMessageBatch(b -> b.queueUrl(dlqUrl).entries(entries));
    if (!response.failed().isEmpty()) {
      throw new IllegalStateException("DLQ fill failed: " + response.failed());
    }
  }

  /** Empties both queues between rounds, so each round starts from the same state. */
  void clear() {
    sqs.purgeQueue(b -> b.queueUrl(dlqUrl));
    sqs.purgeQueue(b -> b.queueUrl(queueUrl));
    await().atMost(Duration.ofSeconds(30)).until(() -> depth(dlqUrl) == 0);
  }

  /** Visible plus in-flight messages of a queue. */
  long depth(String url) {
    var a =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
