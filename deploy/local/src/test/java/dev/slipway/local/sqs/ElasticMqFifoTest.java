package dev.slipway.local.sqs;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The FIFO contract against the embedded ElasticMQ shared by this JVM. */
class ElasticMqFifoTest extends FifoQueueContract {
  private static ElasticMqServer server;

  @BeforeAll
  static void attach() {
    server = SharedElasticMq.attach();
  }

  @AfterAll
  static void detach() {
    server.close(); // closes this handle's client only
  }

  @Override
  SqsClient client() {
    return server.client();
  }

  @Override
  CommandQueues createCommandQueues(
      String base, int maxReceiveCount, Duration visibility, Duration receiveWait) {
    return server.createCommandQueues(base, maxReceiveCount, visibility, receiveWait);
  }
}
