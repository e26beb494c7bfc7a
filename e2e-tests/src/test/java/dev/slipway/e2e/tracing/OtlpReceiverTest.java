package dev.slipway.e2e.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The receiver reads what the OpenTelemetry SDK's OTLP marshaler writes (the one Quarkus' exporter
 * sends), plain and gzipped: a span's ids, parent, kind, attributes, links and its resource's
 * service name. CommandTraceIT's findings rest on this reading.
 */
class OtlpReceiverTest {
  private final InMemorySpanExporter memory = InMemorySpanExporter.create();
  private final Tracer tracer =
      SdkTracerProvider.builder()
          .setResource(
              Resource.getDefault()
                  .merge(
                      Resource.create(
                          Attributes.of(AttributeKey.stringKey("service.name"), "probe"))))
          .addSpanProcessor(SimpleSpanProcessor.create(memory))
          .build()
          .get("OtlpReceiverTest");

  @Test
  void aSpansIdsParentKindAttributesLinksAndServiceArrive() throws Exception {
    Span linked = tracer.spanBuilder("linked").startSpan();
    linked.end();
    Span parent = tracer.spanBuilder("parent").setSpanKind(SpanKind.SERVER).startSpan();
    Span child =
        tracer
            .spanBuilder("child")
            .setParent(Context.root().with(parent))
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("k8s.object.kind", "Secret")
            .setAttribute("slipway.attempt", 2L)
            .setAttribute("slipway.repair.done", true)
            .addLink(linked.getSpanContext())
            .startSpan();
    child.end();
    parent.end();

    Map<String, ReceivedSpan> read = byName(received(body(), false));
    ReceivedSpan c = read.get("child");
    assertEquals("probe", c.service());
    assertEquals(parent.getSpanContext().getTraceId(), c.traceId());
    assertEquals(child.getSpanContext().getSpanId(), c.spanId());
    assertEquals(parent.getSpanContext().getSpanId(), c.parentSpanId());
    assertEquals(ReceivedSpan.CONSUMER, c.kind());
    assertEquals(
        Map.of("k8s.object.kind", "Secret", "slipway.attempt", "2", "slipway.repair.done", "true"),
        c.attributes());
    assertEquals(List.of(ref(linked.getSpanContext())), c.links());
    assertTrue(read.get("parent").isRoot());
    assertEquals(ReceivedSpan.SERVER, read.get("parent").kind());
    assertEquals(List.of(), read.get("parent").links());
  }

  @Test
  void aGzippedBodyIsReadToo() throws Exception {
    Span span = tracer.spanBuilder("zipped").setSpanKind(SpanKind.PRODUCER).startSpan();
    span.end();
    ReceivedSpan read = byName(received(body(), true)).get("zipped");
    assertEquals(ref(span.getSpanContext()), read.ref());
    assertEquals(ReceivedSpan.PRODUCER, read.kind());
  }

  /** What the spans ended so far look like on the wire (an ExportTraceServiceRequest). */
  private byte[] body() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(memory.getFinishedSpanItems()).writeBinaryTo(out);
    return out.toByteArray();
  }

  /** Posts the body to a receiver as the exporter does; what it kept. */
  private static List<ReceivedSpan> received(byte[] body, boolean gzip) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      HttpRequest.Builder post =
          HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
              .header("Content-Type", "application/x-protobuf");
      if (gzip) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
          z.write(body);
        }
        body = zipped.toByteArray();
        post.header("Content-Encoding", "gzip");
      }
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  post.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                  HttpResponse.BodyHandlers.discarding());
      assertEquals(200, response.statusCode(), receiver.refused().toString());
      return receiver.spans();
    }
  }

  private static Map<String, ReceivedSpan> byName(List<ReceivedSpan> spans) {
    return spans.stream().collect(Collectors.toMap(ReceivedSpan::name, s -> s));
  }

  private static String ref(SpanContext span) {
    return span.getTraceId() + "/" + span.getSpanId();
  }
}
