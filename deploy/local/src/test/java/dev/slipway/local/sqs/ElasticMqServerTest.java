package dev.slipway.local.sqs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

class ElasticMqServerTest {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static ElasticMqServer server;
  private static SqsClient sqs;

  @BeforeAll
  static void startServer() {
    long t0 = System.nanoTime();
    server = ElasticMqServer.start(0);
    System.out.printf("ElasticMQ started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    sqs = server.client();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void createsTheFifoPairWithRedriveAndIsIdempotent() {
    String base = uniqueBase();
    CommandQueues first = server.createCommandQueues(base, 3, Duration.ofSeconds(45));
    CommandQueues again = server.createCommandQueues(base, 3, Duration.ofSeconds(45));

    assertEquals(first, again);
    assertEquals(server.endpoint() + "/000000000000/" + base + ".fifo", first.queueUrl());
    assertTrue(first.dlqUrl().endsWith("/" + base + "-dlq.fifo"), first.dlqUrl());
    assertEquals("arn:aws:sqs:us-east-1:000000000000:" + base + ".fifo", first.queueArn());
    Map<QueueAttributeName, String> attrs = attributes(first.queueUrl());
    assertEquals("true", attrs.get(QueueAttributeName.FIFO_QUEUE));
    assertEquals("false", attrs.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION));
    assertEquals("45", attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT));
    assertEquals("20", attrs.get(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS));
    String redrive = attrs.get(QueueAttributeName.REDRIVE_POLICY);
    assertTrue(redrive.contains(first.dlqArn()) && redrive.contains("3"), redrive);
    assertEquals(
        List.of(first.queueUrl()),
        sqs.listDeadLetterSourceQueues(b -> b.queueUrl(first.dlqUrl())).queueUrls());
  }

  @Test
  void differentAttributesForAnExistingPairFailAsOnAws() {
    String base = uniqueBase();
    server.createCommandQueues(base, 3, Duration.ofSeconds(45));
    assertThrows(
        SqsException.class, () -> server.createCommandQueues(base, 4, Duration.ofSeconds(45)));
  }

  @Test
  void closeReleasesThePortAndEndsTheActorSystemThreads() {
    long t0 = System.nanoTime();
    ElasticMqServer other = ElasticMqServer.start(0);
    long started = System.nanoTime();
    String threadPrefix = other.actorSystemName() + "-";
    other.createCommandQueues(uniqueBase(), 1, Duration.ofSeconds(1));
    try (SqsClient stale = other.newClient()) {
      other.close();
      other.close(); // idempotent
      System.out.printf(
          "second ElasticMQ in this JVM: start %d ms, close %d ms%n",
          (started - t0) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
      assertThrows(SdkClientException.class, stale::listQueues, "port should be released");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith(threadPrefix)));
    assertDoesNotThrow(() -> sqs.listQueues(), "the shared server keeps running");
  }

  @Test
  void actorSystemConfigIgnoresElasticMqsDebugApplicationConf() {
    var config = ElasticMqActorSystem.config(getClass().getClassLoader());
    assertEquals("INFO", config.getString("pekko.loglevel"));
    assertEquals(Duration.ofSeconds(21), config.getDuration("pekko.http.server.request-timeout"));
    assertTrue(config.getBoolean("pekko.daemonic"));
  }

  private static Map<QueueAttributeName, String> attributes(String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
        .attributes();
  }

  private static String uniqueBase() {
    return "emq-test-" + NAMES.incrementAndGet();
  }
}
