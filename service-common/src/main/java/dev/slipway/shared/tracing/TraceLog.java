package dev.slipway.shared.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jboss.logging.MDC;

/**
 * Log lines about one command written outside its span's scope: the relay and the dead-letter
 * replay send many commands per request, each in a span of its own that is never made current, so
 * Quarkus does not put its ids into the MDC. These put the command's span ids there for the line,
 * under the keys Quarkus and the worker use ({@code traceId}, {@code spanId}), and restore what was
 * there before.
 */
public final class TraceLog {
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";

  private TraceLog() {}

  /** Runs {@code line} (a log statement) with the span's ids in the MDC. */
  public static void in(Span span, Runnable line) {
    in(span.getSpanContext(), line);
  }

  /** Runs {@code line} with the ids in the MDC; as is when the context is not valid. */
  public static void in(SpanContext span, Runnable line) {
    if (!span.isValid()) {
      line.run();
      return;
    }
    Object trace = MDC.get(TRACE_ID);
    Object spanId = MDC.get(SPAN_ID);
    MDC.put(TRACE_ID, span.getTraceId());
    MDC.put(SPAN_ID, span.getSpanId());
    try {
      line.run();
    } finally {
      restore(TRACE_ID, trace);
      restore(SPAN_ID, spanId);
    }
  }

  private static void restore(String key, Object value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
