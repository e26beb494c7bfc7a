package dev.slipway.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.KubeFaults;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.worker.RecordedSpans;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker's half of "one trace per command": a message whose attributes name the relay's send
 * span (and whose envelope names the API request's span) is handled in that trace, with a span per
 * object applied and for the status write; a redelivery starts a new trace linked to the original;
 * a replayed dead letter links to the trace the command was written in. The API's half is the
 * api-service's CommandTraceQuarkusTest: together they make the chain request, send, handling.
 */
@QuarkusTest
class CommandTraceQuarkusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject RecordedSpans spans;
  TestTenants data;
  KubeFaults faults;

  @BeforeEach
  void setUp() {
    data = new TestTenants(pool, sqs, config.queueUrl());
    faults = KubeEmulatorTestResource.emulator().faults();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  @Test
  void theHandlingContinuesTheSendersTraceWithASpanPerApplyAndTheStatusWrite() {
    String trace = traceId();
    String request = spanId();
    String send = spanId();
    String slug = TestTenants.uniqueSlug("traced");
    UUID op = create(slug, traceparent(trace, request), traceparent(trace, send));
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));

    SpanData handling =
        await().atMost(WAIT).until(() -> process(trace, op), l -> l.size() == 1).get(0);
    assertEquals(send, handling.getParentSpanId(), "a child of the relay's send");
    assertEquals(SpanKind.CONSUMER, handling.getKind());
    assertEquals(List.of(), handling.getLinks(), "the envelope's context is in the same trace");
    List<SpanData> inTrace =
        await()
            .atMost(WAIT)
            .until(() -> spans.ofTrace(trace), l -> children(l, handling).size() >= 5);
    List<SpanData> applies = named(children(inTrace, handling), "kubernetes apply");
    assertEquals(
        Set.of("Secret", "Deployment", "Service", "Ingress"),
        applies.stream().map(s -> attribute(s, "k8s.object.kind")).collect(Collectors.toSet()));
    assertEquals(1, named(children(inTrace, handling), "slipway status write").size());
  }

  @Test
  void aRedeliveryStartsANewTraceLinkedToTheOriginal() {
    String trace = traceId();
    String send = spanId();
    String slug = TestTenants.uniqueSlug("redelivered");
    // A 500 is retried by redelivery (a 429 would be waited out within the same delivery).
    faults.failNext("PATCH", "/deployments/" + slug, 500, 1);
    UUID op = create(slug, traceparent(trace, spanId()), traceparent(trace, send));
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));

    List<SpanData> attempts =
        await().atMost(WAIT).until(() -> process(null, op), l -> l.size() == 2);
    SpanData first = attempts.get(0);
    SpanData second = attempts.get(1);
    assertEquals(trace, first.getTraceId());
    assertEquals(send, first.getParentSpanId());
    assertNotEquals(trace, second.getTraceId(), "the redelivery is a trace of its own");
    assertFalse(second.getParentSpanContext().isValid(), "a root span");
    assertEquals(List.of(trace + "/" + send), links(second), "linked to the first delivery");
    List<SpanData> retried =
        await()
            .atMost(WAIT)
            .until(
                () -> spans.ofTrace(second.getTraceId()),
                l -> named(l, "kubernetes apply").size() >= 4);
    assertTrue(
        named(retried, "slipway status write").size() == 1, "the retry's write is its trace's");
  }

  @Test
  void aReplayedCommandLinksToTheTraceItWasWrittenIn() {
    String written = traceId();
    String writtenSpan = spanId();
    String replay = traceId();
    String replaySpan = spanId();
    String slug = TestTenants.uniqueSlug("replayed");
    UUID op = create(slug, traceparent(written, writtenSpan), traceparent(replay, replaySpan));
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(data.operationStatus(op)));

    SpanData handling =
        await().atMost(WAIT).until(() -> process(replay, op), l -> l.size() == 1).get(0);
    assertEquals(replaySpan, handling.getParentSpanId(), "in the replay's trace");
    assertEquals(List.of(written + "/" + writtenSpan), links(handling), "linked to the original");
  }

  /**
   * Creates a tenant and sends its CREATE: the envelope records one context, the message another.
   */
  private UUID create(String slug, String recorded, String sender) {
    UUID tenant = data.insertTenant(slug);
    UUID op = data.insertOperation(tenant, OperationType.CREATE, 1);
    CommandEnvelope command =
        CommandEnvelope.of(
            op,
            OperationType.CREATE,
            tenant,
            slug,
            1,
            Instant.now(),
            Map.of("traceparent", recorded));
    data.sendRaw(
        tenant.toString(),
        CommandCodec.encode(command),
        op.toString(),
        Map.of("traceparent", sender));
    return op;
  }

  /** The handling spans of the operation (in trace {@code trace} when not null), in end order. */
  private List<SpanData> process(String trace, UUID op) {
    return spans.named(CommandTracing.SPAN_NAME).stream()
        .filter(s -> trace == null || s.getTraceId().equals(trace))
        .filter(s -> op.toString().equals(attribute(s, "slipway.operation.id")))
        .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
        .toList();
  }

  private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
    return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
  }

  private static List<SpanData> named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }

  /** The span's links as trace id/span id. */
  private static List<String> links(SpanData span) {
    return span.getLinks().stream()
        .map(LinkData::getSpanContext)
        .map(c -> c.getTraceId() + "/" + c.getSpanId())
        .toList();
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  private static String traceparent(String traceId, String spanId) {
    return "00-" + traceId + "-" + spanId + "-01";
  }

  private static String traceId() {
    return hex(16);
  }

  private static String spanId() {
    return hex(8);
  }

  private static String hex(int bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      out.append(String.format("%02x", ThreadLocalRandom.current().nextInt(1, 256)));
    }
    return out.toString();
  }
}
