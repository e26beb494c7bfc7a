package dev.slipway.reconciler.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.shared.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each repair is the root of its own trace, linked to the pass, and current while it runs. */
class RepairTracingTest {
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
  private final RepairTracing tracing = new RepairTracing(provider.get("test"));

  @Test
  void aRepairStartsATraceLinkedToThePassAndTheCommandRecordsIt() {
    Span pass = provider.get("test").spanBuilder("pass").startSpan();
    AtomicReference<Map<String, String>> recorded = new AtomicReference<>();
    try (Scope ignored = pass.makeCurrent()) {
      var passContext = tracing.pass();
      tracing.run(
          passContext,
          "enqueue RECONCILE for tenant t",
          () -> {
            recorded.set(TraceContext.current()); // what NewCommand puts in the envelope
            return true;
          });
    } finally {
      pass.end();
    }
    SpanData repair = only(RepairTracing.SPAN_NAME);
    assertNotEquals(pass.getSpanContext().getTraceId(), repair.getTraceId(), "a trace of its own");
    assertFalse(repair.getParentSpanContext().isValid(), "a root span");
    assertEquals(pass.getSpanContext(), repair.getLinks().get(0).getSpanContext());
    assertEquals(
        repair.getSpanId(),
        TraceContext.spanContext(recorded.get()).getSpanId(),
        "the enqueued command continues the repair's trace");
  }

  @Test
  void aFailedRepairEndsItsSpanWithAnError() {
    assertThrows(
        IllegalStateException.class,
        () ->
            tracing.run(
                Span.getInvalid().getSpanContext(),
                "prune",
                () -> {
                  throw new IllegalStateException("database down");
                }));
    SpanData repair = only(RepairTracing.SPAN_NAME);
    assertEquals(StatusCode.ERROR, repair.getStatus().getStatusCode());
    assertEquals(List.of(), repair.getLinks(), "no pass, no link");
  }

  private SpanData only(String name) {
    List<SpanData> spans =
        exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    assertEquals(1, spans.size(), spans.toString());
    return spans.get(0);
  }
}
