package dev.slipway.e2e.convergence;

import dev.slipway.e2e.StackDatabase;
import dev.slipway.local.sqs.ElasticMqServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The test's own hand on the command queue: its depth, and extra deliveries of commands the relay
 * already published (read back from the outbox), as a relay re-send after the deduplication window
 * or a dead-letter re-send would deliver them. Copies go to the command's own message group (its
 * tenant) with a new deduplication id, so SQS delivers them again.
 */
final class QueueTap implements AutoCloseable {
  private static final int MAX_GROUPS_PER_ROUND = 20;
  private final ElasticMqServer handle;
  private final String queueUrl;
  private final Map<String, String> env;

  /** Copies sent in one round: of the last command of a tenant, and of older ones after newer. */
  record Resent(int duplicated, int reordered) {}

  QueueTap(Map<String, String> env) {
    this.env = env;
    this.handle = ElasticMqServer.attach(env.get("SLIPWAY_SQS_ENDPOINT"));
    this.queueUrl = env.get("SLIPWAY_QUEUE_URL");
  }

  /** Messages waiting to be received (not counting those a worker holds). */
  int waiting() {
    return Integer.parseInt(
        sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  /** Messages in the queue, visible or in flight. */
  int depth() {
    var attributes =
        sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** Nothing left to deliver: no outbox row unsent, no message in the queue (visible or not). */
  boolean drained() {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1) == 0 && depth() == 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the outbox", e);
    }
  }

  /**
   * For tenants with commands from the last {@code window}: their newest command once more, and
   * where there are several, all of them again newest first (so older generations arrive last).
   */
  Resent duplicateAndReorder(Duration window) {
    int duplicated = 0;
    int reordered = 0;
    for (var tenant : recentCommandsByTenant(window).entrySet()) {
      List<String> bodies = tenant.getValue();
      if (bodies.size() == 1) {
        send(tenant.getKey(), bodies.get(0));
        duplicated++;
        continue;
      }
      for (int i = bodies.size() - 1; i >= 0; i--) {
        send(tenant.getKey(), bodies.get(i));
        reordered++;
      }
    }
    return new Resent(duplicated, reordered);
  }

  private void send(String group, String body) {
    sqs()
        .sendMessage(
            b ->
                b.queueUrl(queueUrl)
                    .messageBody(body)
                    .messageGroupId(group)
                    .messageDeduplicationId(UUID.randomUUID().toString()));
  }

  /** Bodies by tenant (message group), oldest first. */
  private Map<String, List<String>> recentCommandsByTenant(Duration window) {
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT group_id, body FROM outbox WHERE sent_at IS NOT NULL"
                    + " AND created_at > now() - make_interval(secs => ?) ORDER BY id")) {
      s.setDouble(1, window.toSeconds());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String group = rs.getString(1);
          if (byGroup.containsKey(group) || byGroup.size() < MAX_GROUPS_PER_ROUND) {
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the outbox", e);
    }
    return byGroup;
  }

  private Connection connect() throws SQLException {
    return StackDatabase.connect(env);
  }

  private SqsClient sqs() {
    return handle.client();
  }

  @Override
  public void close() {
    handle.close();
  }
}
