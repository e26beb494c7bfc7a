package dev.slipway.e2e.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Questions the trace tests ask of received spans, and W3C ids to start a trace with. */
final class Traces {
  static final String API = "api-service";
  static final String WORKER = "provisioner-worker";
  static final String RECONCILER = "reconciler-job";

  // Span names, as the services define them (RelayTracing, ReplayTracing, CommandTracing,
  // ServerSideApply, CommandHandler, ReconcilePass, RepairTracing).
  static final String PUBLISH = "slipway.commands publish";
  static final String REPLAY = "slipway.deadletter replay";
  static final String PROCESS = "slipway.commands process";
  static final String APPLY = "kubernetes apply";
  static final String STATUS_WRITE = "slipway status write";
  static final String PASS = "slipway.reconcile pass";
  static final String REPAIR = "slipway.reconcile repair";

  static final String OPERATION = "slipway.operation.id";

  private Traces() {}

  static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
    return spans.stream().filter(s -> s.name().equals(name)).toList();
  }

  static List<ReceivedSpan> children(List<ReceivedSpan> spans, ReceivedSpan parent) {
    return spans.stream()
        .filter(s -> s.traceId().equals(parent.traceId()))
        .filter(s -> s.parentSpanId().equals(parent.spanId()))
        .toList();
  }

  /** The spans named {@code name} whose {@code slipway.operation.id} is {@code operationId}. */
  static List<ReceivedSpan> ofOperation(List<ReceivedSpan> spans, String name, String operationId) {
    return named(spans, name).stream()
        .filter(s -> operationId.equals(s.attribute(OPERATION)))
        .toList();
  }

  static Optional<ReceivedSpan> find(List<ReceivedSpan> spans, String traceId, String spanId) {
    return spans.stream()
        .filter(s -> s.traceId().equals(traceId) && s.spanId().equals(spanId))
        .findFirst();
  }

  /** Whether span {@code spanId} is {@code ancestor} or below it, within the trace's spans. */
  static boolean descends(List<ReceivedSpan> trace, String spanId, ReceivedSpan ancestor) {
    for (String at = spanId; at != null && !at.isEmpty(); ) {
      if (at.equals(ancestor.spanId())) {
        return true;
      }
      at = find(trace, ancestor.traceId(), at).map(ReceivedSpan::parentSpanId).orElse(null);
    }
    return false;
  }

  /** The one element, with the whole list in the failure message otherwise. */
  static ReceivedSpan only(List<ReceivedSpan> spans, String what) {
    assertEquals(1, spans.size(), what + ": " + spans);
    return spans.get(0);
  }

  static void assertService(String service, ReceivedSpan span) {
    assertEquals(service, span.service(), "the process of " + span);
  }

  static String traceparent(String traceId, String spanId) {
    return "00-" + traceId + "-" + spanId + "-01";
  }

  static String traceId() {
    return hex(16);
  }

  static String spanId() {
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
