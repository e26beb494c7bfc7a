package dev.slipway.api.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.RecordedSpans;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.shared.tracing.MessageTrace;
import dev.slipway.shared.tracing.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The API's half of "one trace per command": a create's HTTP request, the outbox row it writes and
 * the relay's send are one trace, and the SQS message carries the send span's context for the
 * worker (whose half is provisioner-worker's CommandTraceQuarkusTest: it continues from exactly
 * such a message). The client sends its own traceparent, so the trace id is known up front.
 */
@QuarkusTest
class CommandTraceQuarkusTest {
  @Inject SqsClient sqs;
  @Inject ApiConfig config;
  @Inject RecordedSpans spans;

  @Test
  void aCreatesRequestRelaySendAndMessageAreOneTrace() throws Exception {
    String trace = hex(16);
    String client = hex(8);
    String slug = TestApi.uniqueSlug("traced");
    String operationId =
        TestApi.tenantCreation(TestTokens.admin(), slug)
            .header("traceparent", "00-" + trace + "-" + client + "-01")
            .post("/v1/tenants")
            .then()
            .statusCode(202)
            .extract()
            .path("operation.id");

    Message message = receive(operationId);
    SpanContext recorded = TraceContext.spanContext(CommandCodec.decode(message.body()).trace());
    SpanContext sent = TraceContext.spanContext(MessageTrace.headers(message.messageAttributes()));
    assertEquals(trace, recorded.getTraceId(), "the envelope records the request's trace");
    assertEquals(trace, sent.getTraceId(), "the message attributes name the same trace");

    List<SpanData> inTrace =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> spans.ofTrace(trace), l -> find(l, sent.getSpanId()).isPresent());
    SpanData send = find(inTrace, sent.getSpanId()).orElseThrow();
    assertEquals(RelayTracing.SPAN_NAME, send.getName(), "the attributes name the relay's send");
    assertEquals(SpanKind.PRODUCER, send.getKind());
    assertEquals(recorded.getSpanId(), send.getParentSpanId(), "sent in the recorded context");

    SpanData server =
        inTrace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    assertEquals(client, server.getParentSpanId(), "the request continues the client's trace");
    assertTrue(
        descends(inTrace, recorded.getSpanId(), server.getSpanId()),
        "the envelope records the request's span (or one of its children)");
  }

  /** Whether span {@code id} is {@code ancestor} or below it, within the trace's spans. */
  private static boolean descends(List<SpanData> trace, String id, String ancestor) {
    for (String at = id; at != null; ) {
      if (at.equals(ancestor)) {
        return true;
      }
      String current = at;
      at = find(trace, current).map(SpanData::getParentSpanId).orElse(null);
    }
    return false;
  }

  private static Optional<SpanData> find(List<SpanData> spans, String spanId) {
    return spans.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst();
  }

  /** The operation's message; other tests share the queue, their messages are left alone. */
  private Message receive(String operationId) {
    Map<String, Message> seen = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              sqs.receiveMessage(
                      b ->
                          b.queueUrl(config.queueUrl())
                              .maxNumberOfMessages(10)
                              .waitTimeSeconds(1)
                              .messageAttributeNames("All")
                              .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                  .messages()
                  .forEach(m -> seen.put(operationId(m), m));
              return seen.containsKey(operationId);
            });
    return seen.get(operationId);
  }

  private static String operationId(Message m) {
    try {
      return CommandCodec.decode(m.body()).commandId().toString();
    } catch (Exception unreadable) {
      return "";
    }
  }

  private static String hex(int bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      out.append(String.format("%02x", ThreadLocalRandom.current().nextInt(1, 256)));
    }
    return out.toString();
  }
}
