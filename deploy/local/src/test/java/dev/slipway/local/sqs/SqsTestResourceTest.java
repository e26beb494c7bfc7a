package dev.slipway.local.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsTestResourceTest {

  private static final Set<String> COMMON_KEYS =
      Set.of(
          "quarkus.sqs.endpoint-override",
          "quarkus.sqs.aws.region",
          "quarkus.sqs.aws.credentials.type",
          "quarkus.sqs.aws.credentials.static-provider.access-key-id",
          "quarkus.sqs.aws.credentials.static-provider.secret-access-key",
          "quarkus.sqs.devservices.enabled",
          "slipway.test.sqs-endpoint");

  @Test
  void defaultsGiveAFreshQueuePairPerStartOnOneServer() {
    SqsTestResource first = new SqsTestResource();
    first.init(Map.of());
    SqsTestResource second = new SqsTestResource();
    second.init(Map.of());

    Map<String, String> a = first.start();
    Map<String, String> b = second.start();

    assertEquals(union(COMMON_KEYS, "slipway.test.queue-url", "slipway.test.dlq-url"), a.keySet());
    assertEquals("us-east-1", a.get("quarkus.sqs.aws.region"));
    assertEquals("static", a.get("quarkus.sqs.aws.credentials.type"));
    assertEquals("false", a.get("quarkus.sqs.devservices.enabled"));
    assertEquals(a.get("quarkus.sqs.endpoint-override"), b.get("quarkus.sqs.endpoint-override"));
    assertEquals(a.get("quarkus.sqs.endpoint-override"), a.get("slipway.test.sqs-endpoint"));
    assertNotEquals(a.get("slipway.test.queue-url"), b.get("slipway.test.queue-url"));
    assertNotEquals(a.get("slipway.test.dlq-url"), b.get("slipway.test.dlq-url"));
    assertEquals(b.get("slipway.test.queue-url"), SqsTestResource.queueUrl());
    assertEquals(b.get("slipway.test.dlq-url"), SqsTestResource.dlqUrl());

    Map<QueueAttributeName, String> attrs = attributes(SqsTestResource.queueUrl());
    assertEquals("30", attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT));
    assertTrue(attrs.get(QueueAttributeName.REDRIVE_POLICY).contains("5"));
    first.stop();
    second.stop();
  }

  @Test
  void initArgsRenameThePropertiesAndTuneTheQueue() {
    SqsTestResource resource = new SqsTestResource();
    resource.init(
        Map.of(
            "queue-url-property", "slipway.worker.queue-url",
            "dlq-url-property", "slipway.worker.dlq-url",
            "max-receive-count", "2",
            "visibility-timeout-seconds", "7",
            "receive-wait-seconds", "0"));

    Map<String, String> config = resource.start();

    assertEquals(
        union(COMMON_KEYS, "slipway.worker.queue-url", "slipway.worker.dlq-url"), config.keySet());
    assertTrue(config.get("slipway.worker.queue-url").endsWith(".fifo"));
    assertTrue(config.get("slipway.worker.dlq-url").endsWith("-dlq.fifo"));
    Map<QueueAttributeName, String> attrs = attributes(config.get("slipway.worker.queue-url"));
    assertEquals("7", attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT));
    assertEquals("0", attrs.get(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS));
    assertEquals(
        FifoQueueFactory.redrivePolicy(SqsTestResource.queues().dlqArn(), 2),
        attrs.get(QueueAttributeName.REDRIVE_POLICY));
    resource.stop();
  }

  private static Map<QueueAttributeName, String> attributes(String url) {
    return SqsTestResource.client()
        .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
        .attributes();
  }

  private static Set<String> union(Set<String> keys, String... more) {
    var all = new java.util.HashSet<>(keys);
    all.addAll(Set.of(more));
    return all;
  }
}
