package dev.slipway.local.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An in-process ElasticMQ (SQS-compatible) server on 127.0.0.1, for tests and the local stack.
 *
 * <p>Queues live in memory: a restart loses them. ARNs use region us-east-1 and account
 * 000000000000 so they look like AWS ones.
 */
public final class ElasticMqServer implements AutoCloseable {

  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  // ElasticMQ accepts any credentials; fixed values let services configure static ones.
  public static final String ACCESS_KEY_ID = "slipway";
  public static final String SECRET_ACCESS_KEY = "slipway";

  private static final String HOST = "127.0.0.1";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String endpoint;
  private final ActorSystem actorSystem; // null when attached to a server started elsewhere
  private final SqsClientHolder client;
  private boolean closed;

  private ElasticMqServer(String endpoint, ActorSystem actorSystem) {
    this.endpoint = endpoint;
    this.actorSystem = actorSystem;
    this.client = new SqsClientHolder(endpoint);
  }

  /** Starts a server bound to 127.0.0.1; port 0 picks a free port. Blocks until it listens. */
  public static ElasticMqServer start(int port) {
    // A distinct name per server: its threads are named after it, which tells them apart.
    ActorSystem system =
        ElasticMqActorSystem.create("slipway-elasticmq-" + INSTANCES.incrementAndGet());
    try {
      SQSRestServer rest =
          SQSRestServerBuilder.withActorSystem(system)
              .withInterface(HOST)
              .withPort(port)
              .withAWSRegion(REGION)
              .withAWSAccountId(ACCOUNT_ID)
              .start();
      int bound = rest.waitUntilStarted().localAddress().getPort();
      return new ElasticMqServer("http://" + HOST + ":" + bound, system);
    } catch (RuntimeException e) {
      system.terminate(); // we own the actor system, so a failed bind must not leak its threads
      throw e;
    }
  }

  /**
   * A handle on a server started elsewhere (another class loader or process); {@link #close()} then
   * closes only the client.
   */
  public static ElasticMqServer attach(String endpoint) {
    return new ElasticMqServer(endpoint, null);
  }

  /** The SQS endpoint, e.g. {@code http://127.0.0.1:9324}. */
  public String endpoint() {
    return endpoint;
  }

  public int port() {
    return URI.create(endpoint).getPort();
  }

  /**
   * Creates (or finds) {@code baseName.fifo} and its dead-letter queue {@code baseName-dlq.fifo};
   * the command queue long-polls 20 s by default, as in production.
   */
  public CommandQueues createCommandQueues(
      String baseName, int maxReceiveCount, Duration visibilityTimeout) {
    return createCommandQueues(
        baseName, maxReceiveCount, visibilityTimeout, FifoQueueFactory.DEFAULT_RECEIVE_WAIT);
  }

  /** As above, with the queue's default receive wait (0 makes receives return at once). */
  public CommandQueues createCommandQueues(
      String baseName, int maxReceiveCount, Duration visibilityTimeout, Duration receiveWait) {
    return new FifoQueueFactory(client())
        .createCommandQueues(baseName, maxReceiveCount, visibilityTimeout, receiveWait);
  }

  /** A shared sync client for this server; closed with the server, so do not close it. */
  public SqsClient client() {
    return client.shared();
  }

  /** A new client the caller owns and must close. */
  public SqsClient newClient() {
    return SqsClientHolder.newClient(endpoint);
  }

  /** Prefix of the names of this server's threads (null when attached). */
  String actorSystemName() {
    return actorSystem == null ? null : actorSystem.name();
  }

  /** Closes the client; if this handle started the server, unbinds it and ends its threads. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    client.close();
    if (actorSystem == null) {
      return;
    }
    // No graceful unbind (restServer.stopAndWait): it waits for open long polls, up to 20 s each.
    // Terminating the actor system closes the binding and every connection at once.
    actorSystem.terminate();
    awaitTermination();
  }

  private void awaitTermination() {
    try {
      actorSystem
          .getWhenTerminated()
          .toCompletableFuture()
          .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("ElasticMQ actor system did not terminate", e);
    }
  }
}
