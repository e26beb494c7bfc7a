package dev.slipway.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.sqs.ElasticMqServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** ElasticMQ restarted as the fault-injection tests do it: same URLs, messages gone. */
class QueueServerTest {

  @Test
  void aRestartKeepsTheQueueUrlsAndLosesTheMessages() {
    try (QueueServer queue = QueueServer.start(FreePorts.any(), Duration.ofSeconds(7));
        var sqs = ElasticMqServer.attach(queue.endpoint())) {
      String url = queue.queues().queueUrl();
      sqs.client()
          .sendMessage(
              b ->
                  b.queueUrl(url).messageBody("x").messageGroupId("g").messageDeduplicationId("1"));
      queue.stop();
      assertThrows(
          SdkClientException.class, () -> sqs.client().listQueues(), "refused while stopped");
      queue.startAgain();
      assertEquals(url, queue.queues().queueUrl());
      assertTrue(sqs.client().receiveMessage(b -> b.queueUrl(url)).messages().isEmpty());
      assertEquals(
          "7",
          sqs.client()
              .getQueueAttributes(
                  b -> b.queueUrl(url).attributeNamesWithStrings("VisibilityTimeout"))
              .attributesAsStrings()
              .get("VisibilityTimeout"));
    }
  }
}
