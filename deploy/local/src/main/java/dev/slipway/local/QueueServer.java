package dev.slipway.local;

import dev.slipway.local.sqs.CommandQueues;
import dev.slipway.local.sqs.ElasticMqServer;
import java.time.Duration;

/**
 * The stack's ElasticMQ and its command queue pair, restartable on the same port for fault
 * injection: ElasticMQ keeps messages in memory, so a restart loses every message (and the queues,
 * which are created again under the same URLs), as a queue that lost its data would.
 */
final class QueueServer implements AutoCloseable {
  private final int port;
  private final Duration visibility;
  private ElasticMqServer server; // null while stopped
  private CommandQueues queues;

  private QueueServer(int port, Duration visibility) {
    this.port = port;
    this.visibility = visibility;
  }

  static QueueServer start(int port, Duration visibility) {
    QueueServer queue = new QueueServer(port, visibility);
    queue.startAgain();
    return queue;
  }

  synchronized CommandQueues queues() {
    return queues;
  }

  synchronized String endpoint() {
    return server.endpoint();
  }

  /** Stops ElasticMQ: clients get connection errors until {@link #startAgain()}. */
  synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Starts ElasticMQ (again), empty, with the queue pair under the same URLs. */
  synchronized void startAgain() {
    if (server != null) {
      return;
    }
    server = ElasticMqServer.start(port);
    queues =
        server.createCommandQueues(LocalStack.QUEUE_BASE, LocalStack.MAX_RECEIVE_COUNT, visibility);
  }

  @Override
  public void close() {
    stop();
  }
}
