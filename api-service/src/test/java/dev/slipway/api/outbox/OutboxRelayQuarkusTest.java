package dev.slipway.api.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The outbox row written with the tenant reaches the real FIFO queue (ElasticMQ), exactly once. */
@QuarkusTest
class OutboxRelayQuarkusTest {
  @Inject SqsClient sqs;
  @Inject ApiConfig config;
  @Inject Pool pool;

  @Test
  void createdTenantIsPublishedWithTenantGroupAndOperationDedupId() throws Exception {
    String slug = TestApi.uniqueSlug("relay");
    Map<String, Object> created =
        TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202).extract().path("$");
    String operationId = (String) ((Map<?, ?>) created.get("operation")).get("id");
    String tenantId = (String) ((Map<?, ?>) created.get("tenant")).get("id");

    Map<String, Message> seen = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              receiveInto(seen);
              return seen.containsKey(operationId);
            });
    Message message = seen.get(operationId);
    CommandEnvelope command = CommandCodec.decode(message.body());
    assertEquals(OperationType.CREATE, command.type());
    assertEquals(slug, command.slug());
    assertEquals(UUID.fromString(tenantId), command.tenantId());
    assertEquals(1, command.generation());
    assertEquals(tenantId, message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
    assertEquals(
        operationId, message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));

    var sentAt =
        pool.preparedQuery("SELECT sent_at FROM outbox WHERE operation_id = $1")
            .execute(Tuple.of(UUID.fromString(operationId)))
            .await()
            .atMost(Duration.ofSeconds(5))
            .iterator()
            .next()
            .getOffsetDateTime("sent_at");
    assertNotNull(sentAt, "relay must stamp sent_at after publishing");
  }

  /** Other tests publish to the same queue: collect everything, keyed by command id. */
  private void receiveInto(Map<String, Message> seen) throws Exception {
    var response =
        sqs.receiveMessage(
            b ->
                b.queueUrl(config.queueUrl())
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
    for (Message m : response.messages()) {
      seen.put(CommandCodec.decode(m.body()).commandId().toString(), m);
      sqs.deleteMessage(b -> b.queueUrl(config.queueUrl()).receiptHandle(m.receiptHandle()));
    }
  }
}
