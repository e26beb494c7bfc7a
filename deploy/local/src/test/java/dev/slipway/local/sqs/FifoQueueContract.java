package dev.slipway.local.sqs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS FIFO behaviour Slipway's command consumers rely on. Runs against ElasticMQ everywhere
 * ({@link ElasticMqFifoTest}) and against LocalStack where Docker exists ({@link
 * LocalStackFifoTest}), so the embedded default is checked against a second implementation.
 */
abstract class FifoQueueContract {
  private SqsClient sqs;

  /** The client of the server under test. */
  abstract SqsClient client();

  /** Creates a FIFO command queue and its FIFO dead-letter queue on the server under test. */
  abstract CommandQueues createCommandQueues(
      String base, int maxReceiveCount, Duration visibility, Duration receiveWait);

  @BeforeEach
  void bindClient() {
    sqs = client();
  }

  @Test
  void fifoDeduplicatesThenReceiveAndDeleteEmptyTheQueue() {
    CommandQueues q = createCommandQueues(uniqueBase(), 5, Duration.ofSeconds(30), Duration.ZERO);
    String id1 = send(q.queueUrl(), "tenant-1", "cmd-1", "{\"op\":\"create\"}");
    String id2 = send(q.queueUrl(), "tenant-1", "cmd-1", "{\"op\":\"create\"}");
    assertEquals(id1, id2, "same dedup id within 5 minutes is one message");

    List<Message> received = receive(q.queueUrl());
    assertEquals(1, received.size());
    Message m = received.get(0);
    assertEquals("{\"op\":\"create\"}", m.body());
    assertEquals("tenant-1", m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
    sqs.deleteMessage(b -> b.queueUrl(q.queueUrl()).receiptHandle(m.receiptHandle()));

    assertEquals(0, receive(q.queueUrl()).size());
    assertEquals(
        "0",
        attributes(q.queueUrl())
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Test
  void messageMovesToTheDlqAfterMaxReceiveCountReceives() {
    CommandQueues q = createCommandQueues(uniqueBase(), 2, Duration.ZERO, Duration.ZERO);
    send(q.queueUrl(), "tenant-9", "cmd-9", "poison");

    // Visibility 0: every receive without delete counts as a failed attempt.
    AtomicInteger receives = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              receives.addAndGet(receive(q.queueUrl()).size());
              return visible(q.dlqUrl()) == 1;
            });

    assertEquals(2, receives.get(), "received maxReceiveCount times before the move");
    List<Message> dead = receive(q.dlqUrl());
    assertEquals("poison", dead.get(0).body());
    assertEquals(0, receive(q.queueUrl()).size());
  }

  @Test
  void longPollReturnsAsSoonAsAMessageArrives() {
    CommandQueues q =
        createCommandQueues(uniqueBase(), 5, Duration.ofSeconds(30), Duration.ofSeconds(20));
    Thread sender = new Thread(() -> send(q.queueUrl(), "g", "d", "late"));
    long t0 = System.nanoTime();
    sender.start();
    // The queue's 20 s default wait applies: no WaitTimeSeconds in the request.
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(q.queueUrl())).messages();
    assertEquals(List.of("late"), got.stream().map(Message::body).toList());
    assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 10);
  }

  private String send(String url, String group, String dedup, String body) {
    return sqs.sendMessage(
            b ->
                b.queueUrl(url)
                    .messageGroupId(group)
                    .messageDeduplicationId(dedup)
                    .messageBody(body))
        .messageId();
  }

  private List<Message> receive(String url) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(url)
                    .waitTimeSeconds(0)
                    .maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private int visible(String url) {
    return Integer.parseInt(attributes(url).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  private Map<QueueAttributeName, String> attributes(String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
        .attributes();
  }

  private static String uniqueBase() {
    return "fifo-test-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
