package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.e2e.StackDatabase;
import dev.slipway.local.sqs.ElasticMqServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * Between P1 rounds: waits until the relay has published every outbox row, then empties the command
 * queue. With the worker stopped nothing drains the queue, so without this every round would run
 * against the commands of all rounds before it (in production workers on other machines drain it).
 */
final class QueueReset implements AutoCloseable {
  private final Map<String, String> env;
  private final ElasticMqServer queue;

  QueueReset(Map<String, String> env) {
    this.env = env;
    this.queue = ElasticMqServer.attach(env.get("SLIPWAY_SQS_ENDPOINT"));
  }

  void run() throws Exception {
    try (Connection db = StackDatabase.connect(env)) {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> unsent(db) == 0);
    }
    queue.client().purgeQueue(b -> b.queueUrl(env.get("SLIPWAY_QUEUE_URL")));
  }

  private static long unsent(Connection db) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    queue.close();
  }
}
